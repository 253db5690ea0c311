package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.discipline.ClockSetting;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

/**
 * ntpd -q in the client core: the usual filter, selection and combine over every server, then the
 * first clock update becomes one step or slew for the daemon to make, and the clock is left alone.
 */
class SetClockOnceTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = 1_780_000_000L * SECOND;

    private final List<InetSocketAddress> servers = new ArrayList<>();
    private SimulatedClock clock;
    private long monoNanos;
    private OptionalDouble panicSeconds = OptionalDouble.empty();

    /** A core setting once a clock {@code aheadSeconds} ahead of three servers on true time. */
    private Synchronizer settingOnce(double aheadSeconds, DisciplineSettings discipline) throws Exception {
        clock = SimulatedClock.offsetAndWandering(START_NANOS, aheadSeconds, 0, 0, new SplittableRandom(1));
        StringBuilder conf = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            conf.append("server 192.0.2.").append(i).append(" iburst\n");
            servers.add(new InetSocketAddress(InetAddress.getByName("192.0.2." + i), 123));
        }
        List<Association> associations =
                ((ConfigResult.Valid) ConfigParser.parse(conf.toString(), "test.conf")).config().associations();
        List<Synchronizer.SourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            specs.add(new Synchronizer.SourceSpec(servers.get(i), associations.get(i)));
        }
        SyncEvents events = new SyncEvents() {
            @Override
            public void panic(double offsetSeconds) {
                panicSeconds = OptionalDouble.of(offsetSeconds);
            }
        };
        Synchronizer synchronizer = Synchronizer.start(specs,
                new SyncSettings(SelectionParameters.defaults(), discipline), clock, new SplittableRandom(1), events, 0);
        synchronizer.setClockOnce();
        return synchronizer;
    }

    private static DisciplineSettings ntpdDefaults() {
        return DisciplineSettings.defaults(500);
    }

    /** As {@link #answerAll(Synchronizer, int, long)}, from servers of 10 µs root dispersion. */
    private void answerAll(Synchronizer synchronizer, int seconds) {
        answerAll(synchronizer, seconds, 10_000);
    }

    /**
     * Every server answers every request for {@code seconds}, 1 ms away each way; the requests of
     * one second leave together and are answered in turn, so the later ones measure a millisecond
     * or two of offset more.
     */
    private void answerAll(Synchronizer synchronizer, int seconds, long rootDispersionNanos) {
        for (int s = 0; s < seconds; s++) {
            monoNanos += SECOND;
            clock.advance(SECOND);
            for (Synchronizer.Transmit transmit : synchronizer.wake(monoNanos)) {
                NtpHeader request = NtpHeader.decode(ByteBuffer.wrap(transmit.datagram()));
                clock.advance(SECOND / 1000);
                NtpTimestamp serverTime = NtpTimestamp.ofUnixNanos(clock.trueNanos());
                NtpHeader reply = new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, request.poll(), -20,
                        NtpShort.ZERO, NtpShort.ofNanos(rootDispersionNanos), ReferenceId.ofAscii("GPS"), serverTime,
                        request.transmitTime(), serverTime, serverTime);
                ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
                reply.encode(bytes);
                clock.advance(SECOND / 1000);
                synchronizer.receive(transmit.handle(), bytes.array(), NtpHeader.LENGTH, clock.nowNanos(), monoNanos);
            }
        }
    }

    private double clockAheadSeconds() {
        return (clock.nowNanos() - clock.trueNanos()) / 1e9;
    }

    @Test
    void decidesToStepAnOffsetBeyondTheStepThresholdAndLeavesTheClockAlone() throws Exception {
        Synchronizer synchronizer = settingOnce(0.25, ntpdDefaults());

        answerAll(synchronizer, 5);

        assertThat(synchronizer.clockSetting()).hasValueSatisfying(setting -> {
            assertThat(setting.kind()).isEqualTo(ClockSetting.Kind.STEP);
            assertThat(setting.offsetSeconds()).isCloseTo(-0.25, within(0.003));
        });
        assertThat(clockAheadSeconds()).isCloseTo(0.25, within(1e-9));
        assertThat(clock.frequencyPpm()).isZero();
    }

    @Test
    void decidesToSlewTheWholeOffsetWithinTheStepThreshold() throws Exception {
        Synchronizer synchronizer = settingOnce(0.05, ntpdDefaults());

        answerAll(synchronizer, 5);

        assertThat(synchronizer.clockSetting()).hasValueSatisfying(setting -> {
            assertThat(setting.kind()).isEqualTo(ClockSetting.Kind.SLEW);
            assertThat(setting.offsetSeconds()).isCloseTo(-0.05, within(0.003));
        });
        assertThat(clockAheadSeconds()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void decidesToSlewFiveSecondsWithMinusX() throws Exception {
        DisciplineSettings slewOnly = new DisciplineSettings(DisciplineSettings.SLEW_ONLY_THRESHOLD_SECONDS,
                DisciplineSettings.STEPOUT_SECONDS, DisciplineSettings.PANIC_THRESHOLD_SECONDS, false, 500, 0, false);
        Synchronizer synchronizer = settingOnce(5, slewOnly);

        answerAll(synchronizer, 5);

        assertThat(synchronizer.clockSetting()).hasValueSatisfying(setting -> {
            assertThat(setting.kind()).isEqualTo(ClockSetting.Kind.SLEW);
            assertThat(setting.offsetSeconds()).isCloseTo(-5, within(0.003));
        });
    }

    @Test
    void keepsTheFirstSettingWhateverFollows() throws Exception {
        Synchronizer synchronizer = settingOnce(0.25, ntpdDefaults());
        answerAll(synchronizer, 3);
        ClockSetting first = synchronizer.clockSetting().orElseThrow();

        answerAll(synchronizer, 20);

        assertThat(synchronizer.clockSetting()).contains(first);
    }

    @Test
    void panicsRatherThanSettingAnOffsetBeyondThePanicThreshold() throws Exception {
        Synchronizer synchronizer = settingOnce(2000, ntpdDefaults());

        answerAll(synchronizer, 5);

        assertThat(synchronizer.clockSetting()).isEmpty();
        assertThat(panicSeconds).hasValueCloseTo(-2000.0, within(1e-3));
    }

    @Test
    void stepsAnOffsetBeyondThePanicThresholdWithMinusG() throws Exception {
        DisciplineSettings panicAllowed = new DisciplineSettings(DisciplineSettings.STEP_THRESHOLD_SECONDS,
                DisciplineSettings.STEPOUT_SECONDS, DisciplineSettings.PANIC_THRESHOLD_SECONDS, true, 500, 0, false);
        Synchronizer synchronizer = settingOnce(2000, panicAllowed);

        answerAll(synchronizer, 5);

        assertThat(synchronizer.clockSetting()).hasValueSatisfying(setting ->
                assertThat(setting.kind()).isEqualTo(ClockSetting.Kind.STEP));
        assertThat(panicSeconds).isEmpty();
    }

    @Test
    void givesUpOnceEveryServerAnsweredAVolleyWithoutAClockUpdate() throws Exception {
        Synchronizer synchronizer = settingOnce(0.25, ntpdDefaults());

        // 2 s of root dispersion: every reply is taken, and no server is ever selectable
        answerAll(synchronizer, 70, 2_000_000_000L);

        assertThat(synchronizer.clockSetting()).isEmpty();
        assertThat(synchronizer.everyAnsweredVolleyOut()).isTrue();
    }

    @Test
    void keepsWaitingForServersThatNeverAnswer() throws Exception {
        Synchronizer synchronizer = settingOnce(0.25, ntpdDefaults());

        for (int s = 0; s < 300; s++) {
            monoNanos += SECOND;
            clock.advance(SECOND);
            synchronizer.wake(monoNanos);
        }

        assertThat(synchronizer.everyAnsweredVolleyOut()).isFalse();
    }

    @Test
    void doesNotGiveUpWhileAVolleyIsStillGoingOut() throws Exception {
        Synchronizer synchronizer = settingOnce(0.25, ntpdDefaults());

        answerAll(synchronizer, 30, 2_000_000_000L);

        assertThat(synchronizer.everyAnsweredVolleyOut()).isFalse();
    }
}
