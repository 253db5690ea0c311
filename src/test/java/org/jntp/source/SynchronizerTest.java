package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.jntp.clock.Clock;
import org.jntp.clock.LeapState;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.leap.LeapEntry;
import org.jntp.leap.LeapSmear;
import org.jntp.leap.LeapTable;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.SystemEvent;
import org.jntp.server.SystemVariables;
import org.jntp.server.control.AssociationState;
import org.junit.jupiter.api.Test;

class SynchronizerTest {

    private static final long SECOND = 1_000_000_000L;
    /** Noon on the last day of a month, when a leap second at its end may be announced. */
    private static final long LAST_DAY_NOON = Instant.parse("2026-06-30T12:00:00Z").toEpochMilli() * 1_000_000L;

    private SimulatedClock clock = SimulatedClock.perfect(LAST_DAY_NOON);
    private final List<InetSocketAddress> servers = new ArrayList<>();
    private SyncEvents events = SyncEvents.NONE;
    private long monoNanos;

    private Synchronizer synchronizer(int sources) throws Exception {
        return synchronizer(sources, Orphan.NONE);
    }

    private Synchronizer synchronizer(int sources, Orphan orphan) throws Exception {
        StringBuilder conf = new StringBuilder();
        for (int i = 1; i <= sources; i++) {
            conf.append("server 192.0.2.").append(i).append(" iburst\n");
            servers.add(new InetSocketAddress(InetAddress.getByName("192.0.2." + i), 123));
        }
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse(conf.toString(), "test.conf");
        List<Synchronizer.SourceSpec> specs = new ArrayList<>();
        List<Association> associations = valid.config().associations();
        for (int i = 0; i < sources; i++) {
            specs.add(new Synchronizer.SourceSpec(servers.get(i), associations.get(i)));
        }
        SyncSettings settings = new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm()), orphan);
        return Synchronizer.start(specs, settings, clock, new SplittableRandom(1), events, 0);
    }

    /** Lets a second pass and sends every request due by then. */
    private List<Synchronizer.Transmit> nextSecond(Synchronizer synchronizer) {
        monoNanos += SECOND;
        clock.advance(SECOND);
        return synchronizer.wake(monoNanos);
    }

    /** A stratum-1 server on true time answering a request at once, 1 ms away each way. */
    private void answer(Synchronizer synchronizer, Synchronizer.Transmit transmit, LeapIndicator leap) {
        NtpHeader request = NtpHeader.decode(ByteBuffer.wrap(transmit.datagram()));
        clock.advance(SECOND / 1000);
        NtpTimestamp serverTime = NtpTimestamp.ofUnixNanos(clock.trueNanos());
        NtpHeader reply = new NtpHeader(leap, 4, Mode.SERVER, 1, request.poll(), -20, NtpShort.ZERO,
                NtpShort.ofNanos(10_000), ReferenceId.ofAscii("GPS"), serverTime, request.transmitTime(), serverTime,
                serverTime);
        ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.encode(bytes);
        clock.advance(SECOND / 1000);
        synchronizer.receive(transmit.handle(), bytes.array(), NtpHeader.LENGTH, clock.nowNanos(), monoNanos);
    }

    private void answerAll(Synchronizer synchronizer, int seconds, List<LeapIndicator> leaps) {
        for (int s = 0; s < seconds; s++) {
            for (Synchronizer.Transmit transmit : nextSecond(synchronizer)) {
                answer(synchronizer, transmit, leaps.get(servers.indexOf(transmit.destination())));
            }
        }
    }

    @Test
    void showsEachAssociationToNtpqAsNtpdShowsANewOneBeforeAnyReply() throws Exception {
        Synchronizer synchronizer = synchronizer(2);

        List<AssociationState> states = synchronizer.associationStates(0);

        assertThat(states).extracting(AssociationState::associationId).containsExactly(1, 2);
        AssociationState first = states.getFirst();
        assertThat(first.source()).isEqualTo(servers.getFirst());
        assertThat(first.stratum()).isEqualTo(16);
        assertThat(first.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(first.referenceIdBits()).isEqualTo(KissCode.INIT.referenceId().bits());
        assertThat(first.status().configured()).isTrue();
        assertThat(first.status().reachable()).isFalse();
        assertThat(first.status().selection()).isEqualTo(PeerSelection.REJECT);
        assertThat(first.status().lastEvent()).isEqualTo(PeerEvent.MOBILIZE);
        assertThat(first.hostMode()).isEqualTo(Mode.CLIENT.code());
        assertThat(first.peerMode()).isZero();
    }

    @Test
    void showsTheSystemPeerAndTheOthersTallyToNtpqOnceItsSourcesAgree() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        List<AssociationState> states = synchronizer.associationStates(0);
        assertThat(states).filteredOn(a -> a.status().selection() == PeerSelection.SYS_PEER).singleElement()
                .satisfies(peer -> {
                    assertThat(synchronizer.systemPeerId()).hasValue(peer.associationId());
                    assertThat(peer.status().lastEvent()).isEqualTo(PeerEvent.SYS_PEER);
                });
        assertThat(states).allSatisfy(a -> {
            assertThat(a.status().reachable()).isTrue();
            assertThat(a.status().selection()).isIn(PeerSelection.SYS_PEER, PeerSelection.CANDIDATE,
                    PeerSelection.OUTLIER);
            assertThat(a.stratum()).isEqualTo(1);
            assertThat(a.peerMode()).isEqualTo(Mode.SERVER.code());
            assertThat(a.receiveNanos()).isPositive();
        });
        assertThat(SystemEvent.of(synchronizer.systemEvents().lastCode())).isEqualTo(SystemEvent.CLOCK_SYNC);
    }

    /** What the statistics files are told. */
    private static final class Recorded implements SyncEvents {
        final List<double[]> clockUpdates = new ArrayList<>();
        final List<PeerStatus> peerStatuses = new ArrayList<>();
        final List<double[]> peerSamples = new ArrayList<>();
        final List<RawReply> rawReplies = new ArrayList<>();
        final List<InetSocketAddress> sources = new ArrayList<>();
        final List<PeerEvent> peerEvents = new ArrayList<>();
        final List<PeerStatus> peerEventStatuses = new ArrayList<>();
        final List<LeapState> leaps = new ArrayList<>();

        @Override
        public void peerEvent(InetSocketAddress source, int statusWord, PeerEvent event) {
            peerEvents.add(event);
            peerEventStatuses.add(PeerStatus.decode(statusWord));
        }

        @Override
        public void leapChanged(LeapState leap) {
            leaps.add(leap);
        }

        @Override
        public void clockUpdated(double offsetSeconds, double frequencyPpm, double jitterSeconds, double wanderPpm,
                int pollLog2) {
            clockUpdates.add(new double[] {offsetSeconds, frequencyPpm, jitterSeconds, wanderPpm, pollLog2});
        }

        @Override
        public void peerSampled(InetSocketAddress source, int statusWord, double offsetSeconds, double delaySeconds,
                double dispersionSeconds, double jitterSeconds) {
            sources.add(source);
            peerStatuses.add(PeerStatus.decode(statusWord));
            peerSamples.add(new double[] {offsetSeconds, delaySeconds, dispersionSeconds, jitterSeconds});
        }

        @Override
        public void rawReply(InetSocketAddress source, RawReply reply) {
            sources.add(source);
            rawReplies.add(reply);
        }
    }

    @Test
    void reportsMobilizeReachableAndSysPeerAsPeerEventsWithTheStatusWord() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(1);

        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        assertThat(recorded.peerEvents).containsExactly(PeerEvent.MOBILIZE, PeerEvent.REACHABLE, PeerEvent.SYS_PEER);
        assertThat(recorded.peerEventStatuses).extracting(PeerStatus::lastEvent)
                .containsExactly(PeerEvent.MOBILIZE, PeerEvent.REACHABLE, PeerEvent.SYS_PEER);
    }

    @Test
    void reportsASourceThatStoppedAnsweringAsUnreachable() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(1);
        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        for (int s = 0; s < 20_000 && !recorded.peerEvents.contains(PeerEvent.UNREACHABLE); s++) {
            nextSecond(synchronizer);
        }

        assertThat(recorded.peerEvents).contains(PeerEvent.UNREACHABLE);
    }

    @Test
    void reportsALeapSecondArmedInTheClock() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3,
                List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING));

        assertThat(recorded.leaps).containsExactly(LeapState.INSERT);
        assertThat(SystemEvent.of(synchronizer.systemEvents().lastCode())).isEqualTo(SystemEvent.LEAP_ARMED);
    }

    @Test
    void reportsEachClockCorrectionWithTheDisciplinesStateForLoopstats() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(1);

        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        assertThat(recorded.clockUpdates).singleElement().satisfies(update -> assertThat(update).containsExactly(
                synchronizer.discipline().lastOffsetSeconds(), synchronizer.discipline().frequencyPpm(),
                synchronizer.discipline().offsetErrorSeconds(), synchronizer.discipline().wanderPpm(),
                synchronizer.discipline().pollLog2()));
    }

    @Test
    void reportsEachSampleTheFilterHandsOnWithThePeerStatusWordForPeerstats() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(1);

        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        assertThat(recorded.peerStatuses).singleElement().satisfies(status -> {
            assertThat(status.configured()).isTrue();
            assertThat(status.reachable()).isTrue();
            assertThat(status.lastEvent()).isEqualTo(PeerEvent.REACHABLE);
        });
        double[] sample = recorded.peerSamples.getFirst();
        assertThat(sample[0]).isCloseTo(0, within(1e-6));
        assertThat(sample[1]).isCloseTo(0.002, within(1e-6));
        assertThat(recorded.sources).containsOnly(servers.getFirst());
    }

    @Test
    void reportsEachMeasuredPacketWithTheTimestampsOfItsSampleForRawstats() throws Exception {
        Recorded recorded = new Recorded();
        events = recorded;
        Synchronizer synchronizer = synchronizer(1);

        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        assertThat(recorded.rawReplies).singleElement().satisfies(raw -> {
            assertThat(raw.header().stratum()).isEqualTo(1);
            assertThat(raw.header().referenceId()).isEqualTo(ReferenceId.ofAscii("GPS"));
            assertThat(raw.t2Bits()).isEqualTo(raw.header().receiveTime().bits()).isEqualTo(raw.t3Bits());
            assertThat(NtpTimestamp.differenceNanos(raw.t4Bits(), raw.t1Bits())).isEqualTo(2_000_000L);
            assertThat(NtpTimestamp.differenceNanos(raw.t2Bits(), raw.t1Bits())).isEqualTo(1_000_000L);
        });
    }

    @Test
    void numbersItsAssociationsAfterThoseTheDaemonKeepsOutsideIt() throws Exception {
        Synchronizer synchronizer = synchronizer(2);

        assertThat(synchronizer.associationStates(1)).extracting(AssociationState::associationId).containsExactly(2, 3);
    }

    @Test
    void servesAsStratumTwoOnceItsSourcesAgree() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);
        assertThat(clock.status().synced()).isTrue();
    }

    @Test
    void staysSynchronisedOnTheOtherSourcesTheMomentItsSystemPeerIsLetGo() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        answerAll(synchronizer, 10, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));
        int gone = synchronizer.systemPeerId().orElseThrow();
        InetSocketAddress silent = servers.get(gone - 1);

        for (int s = 0; s < 3_000 && synchronizer.systemPeerId().equals(OptionalInt.of(gone)); s++) {
            for (Synchronizer.Transmit transmit : nextSecond(synchronizer)) {
                if (!transmit.destination().equals(silent)) {
                    answer(synchronizer, transmit, LeapIndicator.NO_WARNING);
                }
            }
        }

        assertThat(synchronizer.systemPeerId()).isPresent().isNotEqualTo(OptionalInt.of(gone));
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);
        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(clock.status().synced()).isTrue();
    }

    @Test
    void servesTheRootDispersionItsSourceWasSelectedByNotTheEmptyFilterStages() throws Exception {
        Synchronizer synchronizer = synchronizer(1);

        answerAll(synchronizer, 1, List.of(LeapIndicator.NO_WARNING));

        // one sample in the filter: its seven empty stages would count 3.9 s at MAXDISP
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);
        assertThat(synchronizer.systemVariables().rootDispersionNanos()).isLessThan(50_000_000L);
    }

    @Test
    void callsItselfSynchronisedOnceAStartUpSlewIsDoneEvenWithoutAnotherSample() throws Exception {
        clock = SimulatedClock.offsetAndWandering(LAST_DAY_NOON, 0.1, 0, 0, new SplittableRandom(3));
        clock.setMaxSlewRate(Clock.MAX_SLEW_RATE_PPM);
        Synchronizer synchronizer = synchronizer(1);
        for (Synchronizer.Transmit transmit : nextSecond(synchronizer)) {
            answer(synchronizer, transmit, LeapIndicator.NO_WARNING);
        }
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(SystemVariables.STRATUM_UNSYNCHRONIZED);

        while (monoNanos < synchronizer.nextWakeMonoNanos() && monoNanos < 3 * SECOND) {
            monoNanos += SECOND / 10;
            clock.advance(SECOND / 10);
        }
        synchronizer.wake(monoNanos);

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);
        assertThat(clock.status().synced()).isTrue();
    }

    @Test
    void steersNothingWhileOnlyOneOfThreeSourcesHasAnswered() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        for (Synchronizer.Transmit transmit : nextSecond(synchronizer)) {
            if (transmit.destination().equals(servers.get(0))) {
                answer(synchronizer, transmit, LeapIndicator.NO_WARNING);
            }
        }

        assertThat(synchronizer.systemVariables()).isEqualTo(SystemVariables.unsynchronized(clock.precisionLog2()));
        assertThat(clock.status().synced()).isFalse();
    }

    @Test
    void announcesALeapSecondThatMostSourcesAnnounce() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.ADD_SECOND);
        assertThat(clock.status().leap()).isEqualTo(LeapState.INSERT);
    }

    /** A leap file whose offset goes from 37 s to 38 s at the end of LAST_DAY_NOON's day. */
    private static LeapTable julyLeapFile() {
        long julyFirstNtpSeconds = LAST_DAY_NOON / 1_000_000_000L + 12 * 3600 + NtpTimestamp.UNIX_EPOCH_NTP_SECONDS;
        return new LeapTable(List.of(new LeapEntry(julyFirstNtpSeconds - 86400 * 365, 37),
                new LeapEntry(julyFirstNtpSeconds, 38)), julyFirstNtpSeconds - 86400 * 30,
                julyFirstNtpSeconds + 86400 * 180);
    }

    @Test
    void announcesTheLeapSecondOfTheLeapFileWhateverTheSourcesSay() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.useLeapTable(julyLeapFile());

        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.ADD_SECOND);
        assertThat(clock.status().leap()).isEqualTo(LeapState.INSERT);
    }

    @Test
    void tellsTheClockTheTaiOffsetOfTheLeapFile() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.useLeapTable(julyLeapFile());

        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        assertThat(clock.status().taiOffsetSeconds()).isEqualTo(37);
    }

    @Test
    void tellsTheClockNoTaiOffsetWithoutALeapFile() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND));

        assertThat(clock.status().taiOffsetSeconds()).isZero();
    }

    @Test
    void tellsTheClockTheLeapFilesNewTaiOffsetAfterTheLeap() throws Exception {
        clock = SimulatedClock.perfect(LAST_DAY_NOON + (12 * 3600 - 30) * SECOND);
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.useLeapTable(julyLeapFile());

        answerAll(synchronizer, 150, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND));

        assertThat(clock.status().taiOffsetSeconds()).isEqualTo(38);
        assertThat(clock.status().leap()).isEqualTo(LeapState.NONE);
    }

    @Test
    void leavesTheTaiOffsetThatTheKernelMovesAtTheLeapUntilTheLeapFileMovesIt() throws Exception {
        clock = SimulatedClock.perfect(LAST_DAY_NOON + (12 * 3600 - 300) * SECOND);
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.useLeapTable(julyLeapFile());
        List<LeapIndicator> announcing = List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND,
                LeapIndicator.ADD_SECOND);
        answerAll(synchronizer, 20, announcing);

        // as the kernel moves it when the inserted second begins, which the clock reads as 23:59:59 again
        clock.setTaiOffset(38);
        answerAll(synchronizer, 200, announcing);

        assertThat(clock.status().taiOffsetSeconds()).isEqualTo(38);
        assertThat(clock.status().leap()).isEqualTo(LeapState.INSERT);
    }

    @Test
    void ignoresALeapSecondThatOnlyOneSourceAnnounces() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(clock.status().leap()).isEqualTo(LeapState.NONE);
    }

    @Test
    void smearsALeapSecondThatMostSourcesAnnounceInsteadOfAnnouncingIt() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.smearLeaps(new LeapSmear(86_400));

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING));

        SystemVariables served = synchronizer.systemVariables();
        assertThat(served.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(served.smear()).isPresent();
        assertThat(served.smear().get().offsetSeconds(clock.nowNanos(), monoNanos)).isCloseTo(-0.5, within(1e-3));
    }

    @Test
    void armsTheKernelForTheLeapItSmears() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.smearLeaps(new LeapSmear(86_400));

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING));

        assertThat(clock.status().leap()).isEqualTo(LeapState.INSERT);
    }

    @Test
    void smearsNothingWithoutAPendingLeap() throws Exception {
        Synchronizer synchronizer = synchronizer(3);
        synchronizer.smearLeaps(new LeapSmear(86_400));

        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().smear()).isEmpty();
    }

    @Test
    void smearsNothingUnlessASmearIsConfigured() throws Exception {
        Synchronizer synchronizer = synchronizer(3);

        answerAll(synchronizer, 3, List.of(LeapIndicator.ADD_SECOND, LeapIndicator.ADD_SECOND, LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().smear()).isEmpty();
        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.ADD_SECOND);
    }

    @Test
    void servesAsAnOrphanOnceNoSourceAnsweredForOrphanwait() throws Exception {
        Synchronizer synchronizer = synchronizer(1, new Orphan(10, 60));
        for (int s = 0; s < 59; s++) {
            nextSecond(synchronizer);
        }
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(SystemVariables.STRATUM_UNSYNCHRONIZED);

        nextSecond(synchronizer);

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(10);
        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(synchronizer.systemVariables().referenceIdBits()).isEqualTo(0x7F00_0001);
    }

    @Test
    void wakesForOrphanModeEvenWithNothingToPoll() throws Exception {
        Synchronizer synchronizer = synchronizer(1, new Orphan(10, 60));

        assertThat(synchronizer.nextWakeMonoNanos()).isLessThanOrEqualTo(60 * SECOND);
    }

    @Test
    void leavesOrphanModeForASourceThatAnswers() throws Exception {
        Synchronizer synchronizer = synchronizer(1, new Orphan(10, 2));
        nextSecond(synchronizer);
        nextSecond(synchronizer);
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(10);

        answerAll(synchronizer, 80, List.of(LeapIndicator.NO_WARNING));

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);
    }

    @Test
    void followsASourceAddedAfterTheStart() throws Exception {
        Synchronizer synchronizer = synchronizer(1);
        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING));
        double frequency = synchronizer.discipline().frequencyPpm();
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse("server 192.0.2.9 iburst\n", "test.conf");
        InetSocketAddress late = new InetSocketAddress(InetAddress.getByName("192.0.2.9"), 123);

        int id = synchronizer.addSource(new Synchronizer.SourceSpec(late, valid.config().associations().getFirst()),
                monoNanos + SECOND);

        assertThat(id).isEqualTo(2);
        assertThat(nextSecond(synchronizer)).extracting(Synchronizer.Transmit::destination).contains(late);
        assertThat(synchronizer.discipline().frequencyPpm()).isEqualTo(frequency);
    }

    @Test
    void stopsPollingARemovedSource() throws Exception {
        Synchronizer synchronizer = synchronizer(1);

        synchronizer.removeSource(1);

        assertThat(synchronizer.nextWakeMonoNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(nextSecond(synchronizer)).isEmpty();
    }

    @Test
    void losesSynchronisationWhenItsSourceFallsSilent() throws Exception {
        Synchronizer synchronizer = synchronizer(1);
        answerAll(synchronizer, 3, List.of(LeapIndicator.NO_WARNING));
        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(2);

        for (int s = 0; s < 20_000; s++) {
            nextSecond(synchronizer);
        }

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(SystemVariables.STRATUM_UNSYNCHRONIZED);
        assertThat(clock.status().synced()).isFalse();
    }

    @Test
    void retiresAPoolMemberThatStoppedAnsweringButNotAServer() throws Exception {
        NtpConfigLines lines = NtpConfigLines.of("pool pool.example.net iburst\nserver ntp.example.net iburst\n");
        InetSocketAddress member = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 123);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 123);
        Synchronizer synchronizer = Synchronizer.start(
                List.of(new Synchronizer.SourceSpec(member, lines.association(0)),
                        new Synchronizer.SourceSpec(server, lines.association(1))),
                new SyncSettings(SelectionParameters.defaults(), DisciplineSettings.defaults(clock.maxSlewRatePpm())),
                clock, new SplittableRandom(1), SyncEvents.NONE, 0);
        List<Retirement> retired = new ArrayList<>();

        for (int s = 0; s < 3000 && retired.isEmpty(); s++) {
            nextSecond(synchronizer);
            retired.addAll(synchronizer.retirePreemptable());
        }

        assertThat(retired).containsExactly(new Retirement(
                new Synchronizer.SourceSpec(member, lines.association(0)), Retirement.Cause.UNREACHABLE));
        assertThat(nextSecondsDestinations(synchronizer, 2000)).doesNotContain(member).contains(server);
    }

    private List<InetSocketAddress> nextSecondsDestinations(Synchronizer synchronizer, int seconds) {
        List<InetSocketAddress> destinations = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            nextSecond(synchronizer).forEach(transmit -> destinations.add(transmit.destination()));
        }
        return destinations;
    }

    /** The associations of an ntp.conf text. */
    private record NtpConfigLines(List<Association> associations) {
        static NtpConfigLines of(String text) {
            return new NtpConfigLines(((ConfigResult.Valid) ConfigParser.parse(text, "test.conf")).config().associations());
        }

        Association association(int index) {
            return associations.get(index);
        }
    }

    @Test
    void ignoresADatagramOnASocketItDidNotSendFrom() throws Exception {
        Synchronizer synchronizer = synchronizer(1);

        synchronizer.receive(999, new byte[NtpHeader.LENGTH], NtpHeader.LENGTH, clock.nowNanos(), monoNanos);

        assertThat(synchronizer.systemVariables()).isEqualTo(SystemVariables.unsynchronized(clock.precisionLog2()));
    }
}
