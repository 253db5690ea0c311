package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.jntp.clock.SimulatedClock;
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
import org.jntp.server.SystemVariables;
import org.junit.jupiter.api.Test;

/**
 * The synchronizer with one {@code peer} line: a symmetric peer at 192.0.2.9, on true time,
 * answering each of our packets in symmetric passive mode 1 ms after it left, 1 ms away.
 */
class SynchronizerPeerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli() * 1_000_000L;
    private static final InetSocketAddress PEER = new InetSocketAddress(address("192.0.2.9"), 123);
    private static final InetAddress OURS = address("192.0.2.1");

    private final SimulatedClock clock = SimulatedClock.perfect(START_NANOS);
    private long monoNanos;

    private Synchronizer synchronizer(boolean knowingOurAddress) {
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse("peer 192.0.2.9 iburst\n", "test.conf");
        Synchronizer.SourceSpec spec = new Synchronizer.SourceSpec(PEER, valid.config().associations().getFirst());
        Synchronizer synchronizer = Synchronizer.start(List.of(), new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm()), Orphan.NONE), clock, new SplittableRandom(1),
                SyncEvents.NONE, 0);
        if (knowingOurAddress) {
            synchronizer.addSource(spec, OURS, 0);
        } else {
            synchronizer.addSource(spec, 0);
        }
        return synchronizer;
    }

    /** Lets a second pass and returns what is sent by then. */
    private List<Synchronizer.Transmit> nextSecond(Synchronizer synchronizer) {
        monoNanos += SECOND;
        clock.advance(SECOND);
        return synchronizer.wake(monoNanos);
    }

    /** The peer's symmetric passive answer to {@code ours}, at stratum 2 with reference ID {@code refid}. */
    private byte[] answer(Synchronizer.Transmit ours, ReferenceId refid) {
        NtpHeader sent = NtpHeader.decode(ByteBuffer.wrap(ours.datagram()));
        NtpTimestamp peerTime = NtpTimestamp.ofUnixNanos(clock.trueNanos() + SECOND / 1000);
        NtpHeader reply = new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SYMMETRIC_PASSIVE, 2, sent.poll(), -20,
                NtpShort.ofNanos(1_000_000), NtpShort.ofNanos(10_000), refid, peerTime, sent.transmitTime(), peerTime,
                peerTime);
        ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.encode(bytes);
        return bytes.array();
    }

    /** Runs {@code seconds}, the peer at {@code from} answering every packet. */
    private void exchange(Synchronizer synchronizer, int seconds, InetSocketAddress from, ReferenceId refid) {
        for (int s = 0; s < seconds; s++) {
            for (Synchronizer.Transmit transmit : nextSecond(synchronizer)) {
                byte[] reply = answer(transmit, refid);
                clock.advance(2 * SECOND / 1000);
                synchronizer.receiveFromPeer(from, reply, reply.length, clock.nowNanos(), monoNanos);
            }
        }
    }

    @Test
    void sendsAPeerSymmetricActivePackets() {
        List<Synchronizer.Transmit> sent = nextSecond(synchronizer(false));

        assertThat(sent).singleElement().satisfies(transmit -> {
            assertThat(transmit.mode()).isEqualTo(Mode.SYMMETRIC_ACTIVE);
            assertThat(transmit.destination()).isEqualTo(PEER);
            assertThat(NtpHeader.decode(ByteBuffer.wrap(transmit.datagram())).mode()).isEqualTo(Mode.SYMMETRIC_ACTIVE);
        });
    }

    @Test
    void synchronisesToAPeerAsToAServer() {
        Synchronizer synchronizer = synchronizer(false);

        exchange(synchronizer, 20, PEER, ReferenceId.ofAscii("GPS"));

        assertThat(synchronizer.systemVariables().stratum()).isEqualTo(3);
        assertThat(synchronizer.systemVariables().referenceIdBits())
                .isEqualTo(ReferenceId.ofAddress(PEER.getAddress()).bits());
    }

    @Test
    void ignoresSymmetricPacketsFromAnAddressWithoutAPeerLine() {
        Synchronizer synchronizer = synchronizer(false);

        exchange(synchronizer, 20, new InetSocketAddress(address("192.0.2.66"), 123), ReferenceId.ofAscii("GPS"));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
    }

    @Test
    void ignoresThePeersAddressOnAnotherPort() {
        Synchronizer synchronizer = synchronizer(false);

        exchange(synchronizer, 20, new InetSocketAddress(PEER.getAddress(), 50123), ReferenceId.ofAscii("GPS"));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
    }

    @Test
    void neverSelectsAPeerSynchronisedToUs() {
        Synchronizer synchronizer = synchronizer(true);

        exchange(synchronizer, 20, PEER, ReferenceId.ofAddress(OURS));

        assertThat(synchronizer.systemVariables().leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
    }

    @Test
    void tellsThePeerWhatTheDaemonServes() {
        Synchronizer synchronizer = synchronizer(false);
        synchronizer.announce(new SystemVariables(LeapIndicator.NO_WARNING, 8, -20, 0, 10_000_000,
                ReferenceId.ofAscii("LOCL").bits(), START_NANOS));

        NtpHeader sent = NtpHeader.decode(ByteBuffer.wrap(nextSecond(synchronizer).getFirst().datagram()));

        assertThat(sent.stratum()).isEqualTo(8);
        assertThat(sent.referenceId()).isEqualTo(ReferenceId.ofAscii("LOCL"));
        assertThat(sent.leap()).isEqualTo(LeapIndicator.NO_WARNING);
    }

    @Test
    void tellsThePeerItIsUnsynchronisedUntilItIs() {
        NtpHeader sent = NtpHeader.decode(ByteBuffer.wrap(nextSecond(synchronizer(false)).getFirst().datagram()));

        assertThat(sent.stratum()).isZero();
        assertThat(sent.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
