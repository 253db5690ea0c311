package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.auth.KeyRing;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
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
import org.jntp.server.control.AssociationState;
import org.junit.jupiter.api.Test;

/** The client's side of symmetric-key authentication: {@code server ADDRESS key N}, as ntpd's peer_xmit() and TEST5. */
class SynchronizerAuthenticationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final SymmetricKey KEY_1 = key(1, KeyType.SHA1, "the server's key");
    private static final SymmetricKey KEY_2 = key(2, KeyType.MD5, "another key");
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 123);

    private final SimulatedClock clock = SimulatedClock.perfect(1_780_000_000L * SECOND);
    private final AtomicReference<KeyRing> keys =
            new AtomicReference<>(KeyRing.of(List.of(KEY_1, KEY_2), Set.of(1, 2)));
    private final List<String> problems = new ArrayList<>();
    private long monoNanos;

    private static SymmetricKey key(int id, KeyType type, String secret) {
        return new SymmetricKey(id, type, secret.getBytes(StandardCharsets.US_ASCII));
    }

    private Synchronizer synchronizer(String serverLine) {
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse(serverLine + "\n", "test.conf");
        SyncEvents events = new SyncEvents() {
            @Override
            public void authenticationProblem(InetSocketAddress source, String problem) {
                problems.add(source.getAddress().getHostAddress() + ": " + problem);
            }
        };
        Synchronizer synchronizer = Synchronizer.start(List.of(), new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm())), clock, new SplittableRandom(1), events, 0);
        synchronizer.authenticateWith(keys::get);
        synchronizer.addSource(new Synchronizer.SourceSpec(SERVER, valid.config().associations().getFirst()), 0);
        return synchronizer;
    }

    private List<Synchronizer.Transmit> nextSecond(Synchronizer synchronizer) {
        monoNanos += SECOND;
        clock.advance(SECOND);
        return synchronizer.wake(monoNanos);
    }

    /** The next request, within the few seconds between two of a burst. */
    private Synchronizer.Transmit nextRequest(Synchronizer synchronizer) {
        List<Synchronizer.Transmit> transmits = nextSecond(synchronizer);
        for (int s = 0; s < 4 && transmits.isEmpty(); s++) {
            transmits = nextSecond(synchronizer);
        }
        assertThat(transmits).hasSize(1);
        return transmits.getFirst();
    }

    /** A stratum-1 server's reply to the request, its header followed by {@code trailer}. */
    private byte[] reply(Synchronizer.Transmit transmit) {
        NtpHeader request = NtpHeader.decode(ByteBuffer.wrap(transmit.datagram()));
        NtpTimestamp serverTime = NtpTimestamp.ofUnixNanos(clock.trueNanos() + SECOND / 1000);
        NtpHeader reply = new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, request.poll(), -20,
                NtpShort.ZERO, NtpShort.ofNanos(10_000), ReferenceId.ofAscii("GPS"), serverTime,
                request.transmitTime(), serverTime, serverTime);
        ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.encode(bytes);
        return bytes.array();
    }

    private void receive(Synchronizer synchronizer, Synchronizer.Transmit transmit, byte[] datagram) {
        clock.advance(SECOND / 500);
        synchronizer.receive(transmit.handle(), datagram, datagram.length, clock.nowNanos(), monoNanos);
    }

    private static byte[] withCryptoNak(byte[] header) {
        return ByteBuffer.allocate(NtpHeader.LENGTH + 4).put(header).putInt(0).array();
    }

    private AssociationState state(Synchronizer synchronizer) {
        return synchronizer.associationStates(0).getFirst();
    }

    @Test
    void signsEveryRequestWithTheKeyOfItsServerLine() {
        Synchronizer.Transmit transmit = nextRequest(synchronizer("server 192.0.2.1 key 1 iburst"));

        byte[] datagram = transmit.datagram();
        assertThat(datagram).hasSize(NtpHeader.LENGTH + 4 + 20);
        assertThat(ByteBuffer.wrap(datagram).getInt(NtpHeader.LENGTH)).isEqualTo(1);
        assertThat(NtpMac.verify(KEY_1, datagram, 0, NtpHeader.LENGTH,
                Arrays.copyOfRange(datagram, NtpHeader.LENGTH + 4, datagram.length))).isTrue();
    }

    @Test
    void takesAReplySignedWithItsKeyAndShowsItAuthentic() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);

        receive(synchronizer, transmit, NtpMac.append(reply(transmit), NtpHeader.LENGTH, KEY_1));

        AssociationState state = state(synchronizer);
        assertThat(state.reach()).isEqualTo(1);
        assertThat(state.status().authEnabled()).isTrue();
        assertThat(state.status().authentic()).isTrue();
        assertThat(state.keyId()).isEqualTo(1);
    }

    @Test
    void dropsAReplyWithoutAMacAsTest5() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);

        receive(synchronizer, transmit, reply(transmit));

        AssociationState state = state(synchronizer);
        assertThat(state.reach()).isZero();
        assertThat(state.flash()).isEqualTo(0x0010);
        assertThat(state.status().authentic()).isFalse();
        assertThat(state.received()).isEqualTo(1);
    }

    @Test
    void dropsAReplySignedWithAnotherTrustedKey() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);

        receive(synchronizer, transmit, NtpMac.append(reply(transmit), NtpHeader.LENGTH, KEY_2));

        assertThat(state(synchronizer).reach()).isZero();
    }

    @Test
    void dropsAReplyChangedAfterItWasSigned() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);
        byte[] signed = NtpMac.append(reply(transmit), NtpHeader.LENGTH, KEY_1);
        signed[1] = 2;

        receive(synchronizer, transmit, signed);

        assertThat(state(synchronizer).reach()).isZero();
    }

    @Test
    void dropsACryptoNakAndLogsTheFirstOnly() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");
        for (int i = 0; i < 3; i++) {
            Synchronizer.Transmit transmit = nextRequest(synchronizer);
            receive(synchronizer, transmit, withCryptoNak(reply(transmit)));
        }

        assertThat(state(synchronizer).reach()).isZero();
        assertThat(problems).singleElement().asString().startsWith("192.0.2.1: crypto-NAK");
    }

    @Test
    void logsAKeyMissingFromTheKeysFileAndSendsNothing() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 9 iburst");

        assertThat(problems).containsExactly("192.0.2.1: key 9 is not in the keys file: sending nothing to it");
        assertThat(nextSecond(synchronizer)).isEmpty();
    }

    @Test
    void logsAnUntrustedKeyAndSendsNothing() {
        keys.set(KeyRing.of(List.of(KEY_1), Set.of()));
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 key 1 iburst");

        assertThat(problems).singleElement().asString().contains("key 1 is not trusted");
        assertThat(nextSecond(synchronizer)).isEmpty();
    }

    @Test
    void leavesTheRequestsAndRepliesOfAServerLineWithoutAKeyUnsigned() {
        Synchronizer synchronizer = synchronizer("server 192.0.2.1 iburst");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);

        receive(synchronizer, transmit, reply(transmit));

        assertThat(transmit.datagram()).hasSize(NtpHeader.LENGTH);
        AssociationState state = state(synchronizer);
        assertThat(state.reach()).isEqualTo(1);
        assertThat(state.status().authEnabled()).isFalse();
        assertThat(state.keyId()).isZero();
    }

    @Test
    void signsThePacketsOfAPeerLineWithItsKey() {
        Synchronizer.Transmit transmit = nextRequest(synchronizer("peer 192.0.2.1 key 2"));

        assertThat(transmit.mode()).isEqualTo(Mode.SYMMETRIC_ACTIVE);
        assertThat(transmit.datagram()).hasSize(NtpHeader.LENGTH + 4 + 16);
        assertThat(ByteBuffer.wrap(transmit.datagram()).getInt(NtpHeader.LENGTH)).isEqualTo(2);
    }

    @Test
    void dropsAPeersPacketWithoutAMacAsTest5() {
        Synchronizer synchronizer = synchronizer("peer 192.0.2.1 key 2");
        Synchronizer.Transmit transmit = nextRequest(synchronizer);
        byte[] unsigned = reply(transmit);
        unsigned[0] = (byte) ((unsigned[0] & 0xF8) | Mode.SYMMETRIC_PASSIVE.code());

        clock.advance(SECOND / 500);
        synchronizer.receiveFromPeer(SERVER, unsigned, unsigned.length, clock.nowNanos(), monoNanos);

        AssociationState state = state(synchronizer);
        assertThat(state.reach()).isZero();
        assertThat(state.flash()).isEqualTo(0x0010);
    }
}
