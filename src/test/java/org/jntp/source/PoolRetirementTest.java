package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
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
 * Which preemptable associations the synchronizer lets go because selection keeps finding them
 * falsetickers. Every line polls every 16 s and its n-th line is the server 192.0.2.n, a
 * stratum-1 server that answers at once; its clock reads true time unless a test sets it off. The
 * path shortens by a microsecond each second, so the newest sample always has the lowest delay and
 * the clock filter hands it on: a server that changes its mind shows it at its next poll.
 */
class PoolRetirementTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String POLL_16_S = " minpoll 4 maxpoll 4\n";
    private static final String GOOD_SERVERS = serverLines(1, 3);
    /** Far enough off that the three good servers call it a falseticker. */
    private static final double LIE_SECONDS = 0.5;
    /** A root dispersion beyond tos maxdist: selection rejects the server, but it answers and so votes. */
    private static final double FAR_ROOT_DISPERSION_SECONDS = 2;
    private static final long FIRST_ONE_WAY_NANOS = 5_000_000L;

    private final SimulatedClock clock = SimulatedClock.perfect(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli()
            * 1_000_000L);
    private final List<InetSocketAddress> servers = new ArrayList<>();
    private final Map<InetSocketAddress, Double> offsetsSeconds = new HashMap<>();
    private final Set<InetSocketAddress> farAway = new HashSet<>();
    private final Map<InetSocketAddress, Integer> polls = new HashMap<>();
    private final List<Retirement> retired = new ArrayList<>();
    private final List<InetSocketAddress> systemPeers = new ArrayList<>();
    private List<Association> lines;
    private Synchronizer synchronizer;
    private long monoNanos;

    /** Server lines for 192.0.2.first to 192.0.2.last, to stand at those lines. */
    private static String serverLines(int first, int last) {
        StringBuilder lines = new StringBuilder();
        for (int n = first; n <= last; n++) {
            lines.append("server 192.0.2.").append(n).append(POLL_16_S);
        }
        return lines.toString();
    }

    private void start(String conf) throws Exception {
        start(conf, SelectionParameters.defaults());
    }

    private void start(String conf, SelectionParameters tos) throws Exception {
        lines = ((ConfigResult.Valid) ConfigParser.parse(conf, "test.conf")).config().associations();
        List<Synchronizer.SourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            servers.add(new InetSocketAddress(InetAddress.getByName("192.0.2." + (i + 1)), 123));
            specs.add(new Synchronizer.SourceSpec(servers.get(i), lines.get(i)));
        }
        SyncEvents events = new SyncEvents() {
            @Override
            public void synchronizedTo(InetSocketAddress source, int stratum) {
                systemPeers.add(source);
            }
        };
        synchronizer = Synchronizer.start(specs, new SyncSettings(tos, DisciplineSettings.defaults(
                clock.maxSlewRatePpm())), clock, new SplittableRandom(1), events, 0);
    }

    /** The server of line {@code line} (1-based). */
    private InetSocketAddress server(int line) {
        return servers.get(line - 1);
    }

    private Synchronizer.SourceSpec spec(int line) {
        return new Synchronizer.SourceSpec(server(line), lines.get(line - 1));
    }

    /**
     * Runs second by second as the daemon does (wake, retire, then the replies come in) until
     * {@code line}'s server has been polled {@code count} times, or something was retired if
     * {@code untilRetired}; at most an hour.
     */
    private void runUntilPolled(int line, int count, boolean untilRetired) {
        for (int s = 0; s < 3600 && polls.getOrDefault(server(line), 0) < count; s++) {
            if (untilRetired && !retired.isEmpty()) {
                return;
            }
            monoNanos += SECOND;
            clock.advance(SECOND);
            List<Synchronizer.Transmit> transmits = synchronizer.wake(monoNanos);
            transmits.forEach(transmit -> polls.merge(transmit.destination(), 1, Integer::sum));
            retired.addAll(synchronizer.retirePreemptable());
            transmits.forEach(this::answer);
        }
    }

    private void answer(Synchronizer.Transmit transmit) {
        NtpHeader request = NtpHeader.decode(ByteBuffer.wrap(transmit.datagram()));
        long oneWayNanos = FIRST_ONE_WAY_NANOS - monoNanos / 1_000_000;
        clock.advance(oneWayNanos);
        long offsetNanos = Math.round(offsetsSeconds.getOrDefault(transmit.destination(), 0.0) * 1e9);
        NtpTimestamp serverTime = NtpTimestamp.ofUnixNanos(clock.trueNanos() + offsetNanos);
        double rootDispersion = farAway.contains(transmit.destination()) ? FAR_ROOT_DISPERSION_SECONDS : 1e-5;
        NtpHeader reply = new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, request.poll(), -20,
                NtpShort.ZERO, NtpShort.ofNanos(Math.round(rootDispersion * 1e9)), ReferenceId.ofAscii("GPS"),
                serverTime, request.transmitTime(), serverTime, serverTime);
        ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.encode(bytes);
        clock.advance(oneWayNanos);
        synchronizer.receive(transmit.handle(), bytes.array(), NtpHeader.LENGTH, clock.nowNanos(), monoNanos);
    }

    @Test
    void keepsAFalsetickingPoolMemberForTenPolls() throws Exception {
        start(GOOD_SERVERS + "pool pool.example.net" + POLL_16_S);
        offsetsSeconds.put(server(4), LIE_SECONDS);

        // its first reply makes it a falseticker; ten polls after that one are needed
        runUntilPolled(4, 1 + Synchronizer.POOL_FALSETICK_POLLS - 1, false);

        assertThat(retired).isEmpty();
    }

    @Test
    void retiresAPoolMemberThatStaysAFalsetickerForTenPolls() throws Exception {
        start(GOOD_SERVERS + "pool pool.example.net" + POLL_16_S);
        offsetsSeconds.put(server(4), LIE_SECONDS);

        runUntilPolled(4, 40, true);

        assertThat(retired).containsExactly(new Retirement(spec(4), Retirement.Cause.FALSETICKER));
        assertThat(polls.get(server(4))).isEqualTo(1 + Synchronizer.POOL_FALSETICK_POLLS);
    }

    @Test
    void retiresAFalsetickingPreemptServer() throws Exception {
        start(GOOD_SERVERS + "server ntp.example.net preempt" + POLL_16_S);
        offsetsSeconds.put(server(4), LIE_SECONDS);

        runUntilPolled(4, 40, true);

        assertThat(retired).containsExactly(new Retirement(spec(4), Retirement.Cause.FALSETICKER));
    }

    @Test
    void neverRetiresAFalsetickingServerLine() throws Exception {
        start(GOOD_SERVERS + "server 192.0.2.4" + POLL_16_S);
        offsetsSeconds.put(server(4), LIE_SECONDS);

        runUntilPolled(4, 40, false);

        assertThat(retired).isEmpty();
        assertThat(polls.get(server(4))).isEqualTo(40);
    }

    @Test
    void startsTheCountAgainForAPoolMemberThatCameRightBetween() throws Exception {
        start(GOOD_SERVERS + "pool pool.example.net" + POLL_16_S);
        offsetsSeconds.put(server(4), LIE_SECONDS);
        runUntilPolled(4, 8, false);
        offsetsSeconds.put(server(4), 0.0);
        runUntilPolled(4, 10, false);
        offsetsSeconds.put(server(4), LIE_SECONDS);

        runUntilPolled(4, 10 + Synchronizer.POOL_FALSETICK_POLLS, false);

        assertThat(retired).isEmpty();
    }

    @Test
    void keepsAFalsetickerWhileFewerThanTosMinsaneSurvive() throws Exception {
        SelectionParameters defaults = SelectionParameters.defaults();
        start(GOOD_SERVERS + "pool pool.example.net" + POLL_16_S, new SelectionParameters(4, defaults.minclock(),
                defaults.maxclock(), defaults.maxDistanceSeconds(), defaults.minDistanceSeconds(), defaults.floor(),
                defaults.ceiling()));
        offsetsSeconds.put(server(4), LIE_SECONDS);

        runUntilPolled(4, 40, false);

        assertThat(retired).isEmpty();
    }

    @Test
    void neverRetiresTheSystemPeerEvenWhenSelectionFindsItAFalseticker() throws Exception {
        // three far servers vote but are never selected, so the good servers alone are no majority
        // to follow, and the preferred member stays system peer after it starts lying
        start("pool a.example.net prefer" + POLL_16_S + "pool b.example.net" + POLL_16_S + serverLines(3, 8));
        farAway.addAll(List.of(server(6), server(7), server(8)));
        runUntilPolled(1, 4, false);
        assertThat(systemPeers).last().isEqualTo(server(1));
        offsetsSeconds.put(server(1), LIE_SECONDS);
        offsetsSeconds.put(server(2), LIE_SECONDS);

        runUntilPolled(1, 4 + 3 * Synchronizer.POOL_FALSETICK_POLLS, false);

        assertThat(retired).containsExactly(new Retirement(spec(2), Retirement.Cause.FALSETICKER));
        assertThat(systemPeers).last().isEqualTo(server(1));
    }
}
