package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeNegotiation;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsFieldScan;
import org.jntp.nts.NtsServerExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;
import org.jntp.server.control.AssociationState;
import org.junit.jupiter.api.Test;

/**
 * The client's side of NTS inside NTP (RFC 8915 §5.7) for a {@code server ... nts} line, against a
 * fake server made of {@link NtsServerExchange} and its master keys.
 */
class SynchronizerNtsTest {
    private final NtsServerExchange exchange = new NtsServerExchange();
    private static final long SECOND = 1_000_000_000L;
    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 123);

    private final SimulatedClock clock = SimulatedClock.perfect(1_780_000_000L * SECOND);
    private final Random random = new Random(8915);
    private final MasterKeyRing ring = MasterKeyRing.create(1_780_000_000L, random);
    private final SessionKeys keys = sessionKeys(random);
    private final List<String> problems = new ArrayList<>();
    private final SharedCounters counters = new SharedCounters();
    private final Synchronizer synchronizer = synchronizer();
    private long monoNanos;

    /** Random C2S and S2C keys of AES-SIV-CMAC-256, as NTS-KE would export them. */
    static SessionKeys sessionKeys(Random random) {
        byte[] c2s = new byte[32];
        byte[] s2c = new byte[32];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        return new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, c2s, s2c);
    }

    private Synchronizer synchronizer() {
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse("server 192.0.2.1 nts iburst\n", "test.conf");
        SyncEvents events = new SyncEvents() {
            @Override
            public void authenticationProblem(InetSocketAddress source, String problem) {
                problems.add(problem);
            }
        };
        Synchronizer core = Synchronizer.start(List.of(), new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm())), clock, new SplittableRandom(1), events, 0);
        core.countIn(counters);
        core.addSource(new Synchronizer.SourceSpec(SERVER, valid.config().associations().getFirst()), 0);
        return core;
    }

    /** What NTS-KE would give: the session keys and {@code count} cookies. */
    private void keyExchange(int count) {
        List<byte[]> cookies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cookies.add(CookieCodec.make(keys, ring, random));
        }
        synchronizer.ntsKeysEstablished(1, keys, cookies);
    }

    private List<Synchronizer.Transmit> nextSecond() {
        monoNanos += SECOND;
        clock.advance(SECOND);
        return synchronizer.wake(monoNanos);
    }

    /** What the synchronizer sends within the next few seconds, the gap between two requests of a burst. */
    private List<Synchronizer.Transmit> nextPoll() {
        List<Synchronizer.Transmit> transmits = nextSecond();
        for (int s = 0; s < 4 && transmits.isEmpty(); s++) {
            transmits = nextSecond();
        }
        return transmits;
    }

    private Synchronizer.Transmit nextRequest() {
        List<Synchronizer.Transmit> transmits = nextPoll();
        assertThat(transmits).hasSize(1);
        return transmits.getFirst();
    }

    private NtsServerExchange.Verdict verify(Synchronizer.Transmit transmit) {
        return exchange.verify(ByteBuffer.wrap(transmit.datagram()), ring);
    }

    /** The time header of a stratum-1 server's reply, or of an NTSN kiss-o'-death, in a buffer with room for NTS fields. */
    private ByteBuffer header(Synchronizer.Transmit transmit, boolean nak) {
        NtpHeader request = NtpHeader.decode(ByteBuffer.wrap(transmit.datagram()));
        NtpTimestamp serverTime = NtpTimestamp.ofUnixNanos(clock.trueNanos() + SECOND / 1000);
        NtpHeader reply = nak
                ? new NtpHeader(LeapIndicator.UNSYNCHRONIZED, 4, Mode.SERVER, 0, request.poll(), 0, NtpShort.ZERO,
                        NtpShort.ZERO, KissCode.NTSN.referenceId(), NtpTimestamp.ZERO, request.transmitTime(),
                        serverTime, serverTime)
                : new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, request.poll(), -20, NtpShort.ZERO,
                        NtpShort.ofNanos(10_000), ReferenceId.ofAscii("GPS"), serverTime, request.transmitTime(),
                        serverTime, serverTime);
        ByteBuffer bytes = ByteBuffer.allocate(1280);
        reply.encode(bytes);
        return bytes.flip();
    }

    /** The fake server's authentic answer, with the cookies the request asked for. */
    private byte[] answer(Synchronizer.Transmit transmit) {
        ByteBuffer request = ByteBuffer.wrap(transmit.datagram());
        NtsServerExchange.Verified verified = (NtsServerExchange.Verified) verify(transmit);
        ByteBuffer reply = header(transmit, false);
        exchange.writeReply(request, verified, request.limit(), reply, ring, random);
        return bytes(reply);
    }

    private byte[] nak(Synchronizer.Transmit transmit) {
        ByteBuffer request = ByteBuffer.wrap(transmit.datagram());
        NtsServerExchange.Verdict verdict = exchange.verify(request, MasterKeyRing.create(0, random));
        ByteBuffer reply = header(transmit, true);
        NtsServerExchange.writeNak(request, (NtsServerExchange.Nak) verdict, reply);
        return bytes(reply);
    }

    private static byte[] bytes(ByteBuffer packet) {
        byte[] datagram = new byte[packet.limit()];
        packet.get(0, datagram);
        return datagram;
    }

    private boolean receive(Synchronizer.Transmit transmit, byte[] datagram) {
        clock.advance(SECOND / 500);
        return synchronizer.receive(transmit.handle(), datagram, datagram.length, clock.nowNanos(), monoNanos);
    }

    private AssociationState state() {
        return synchronizer.associationStates(0).getFirst();
    }

    @Test
    void countsEachSealedRequestSent() {
        keyExchange(8);

        nextRequest();
        nextRequest();

        assertThat(counters.get(Counter.NTS_CLIENT_SENT)).isEqualTo(2);
    }

    @Test
    void countsNoRequestWhileItHasNoKeys() {
        nextPoll();

        assertThat(counters.get(Counter.NTS_CLIENT_SENT)).isZero();
    }

    @Test
    void countsAnAuthenticReplyAsGood() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        receive(transmit, answer(transmit));

        assertThat(counters.get(Counter.NTS_CLIENT_AUTHENTIC)).isOne();
        assertThat(counters.get(Counter.NTS_CLIENT_UNAUTHENTIC)).isZero();
    }

    @Test
    void countsAReplyWithoutNtsFieldsAsBad() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        receive(transmit, bytes(header(transmit, false)));

        assertThat(counters.get(Counter.NTS_CLIENT_UNAUTHENTIC)).isOne();
        assertThat(counters.get(Counter.NTS_CLIENT_AUTHENTIC)).isZero();
    }

    @Test
    void countsANakAsBad() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        receive(transmit, nak(transmit));

        assertThat(counters.get(Counter.NTS_CLIENT_UNAUTHENTIC)).isOne();
    }

    @Test
    void sendsNothingAndAsksForKeyExchangeOnceBeforeItHasKeys() {
        assertThat(nextPoll()).isEmpty();
        assertThat(synchronizer.ntsKeyExchangesDue()).containsExactly(1);
        assertThat(synchronizer.ntsKeyExchangesDue()).isEmpty();
    }

    @Test
    void sealsEachRequestSoThatTheServerFindsItAuthentic() {
        keyExchange(8);

        assertThat(verify(nextRequest())).isInstanceOfSatisfying(NtsServerExchange.Verified.class,
                verified -> assertThat(verified.keys()).isEqualTo(keys));
    }

    @Test
    void takesAnAuthenticReply() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        assertThat(receive(transmit, answer(transmit))).isTrue();

        assertThat(state().reach()).isEqualTo(1);
        assertThat(state().status().authEnabled()).isTrue();
        assertThat(state().status().authentic()).isTrue();
    }

    @Test
    void asksWithPlaceholdersForTheCookiesThatRefillTheJar() {
        keyExchange(2);
        Synchronizer.Transmit first = nextRequest();
        assertThat(((NtsServerExchange.Verified) verify(first)).cookiesWanted()).isEqualTo(7);

        receive(first, answer(first));

        assertThat(((NtsServerExchange.Verified) verify(nextRequest())).cookiesWanted()).isEqualTo(1);
    }

    @Test
    void dropsAReplyWithoutNtsFieldsAndStillTakesTheGenuineOne() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        assertThat(receive(transmit, bytes(header(transmit, false)))).isFalse();
        assertThat(state().reach()).isZero();
        assertThat(receive(transmit, answer(transmit))).isTrue();

        assertThat(state().reach()).isEqualTo(1);
    }

    @Test
    void dropsAReplyWhoseAuthenticatorDoesNotVerify() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();
        byte[] forged = answer(transmit);
        forged[forged.length - 1] ^= 0x01;

        assertThat(receive(transmit, forged)).isFalse();

        assertThat(state().reach()).isZero();
        assertThat(state().flash()).isEqualTo(0x0010);
        assertThat(synchronizer.ntsKeyExchangesDue()).isEmpty();
    }

    @Test
    void nakLosesTheKeysAndAsksForKeyExchangeAgain() {
        keyExchange(8);
        Synchronizer.Transmit transmit = nextRequest();

        receive(transmit, nak(transmit));

        assertThat(problems).singleElement().asString().contains("NTS NAK");
        assertThat(synchronizer.ntsKeyExchangesDue()).containsExactly(1);
        assertThat(nextPoll()).isEmpty();
        keyExchange(8);
        assertThat(verify(nextRequest())).isInstanceOf(NtsServerExchange.Verified.class);
    }

    @Test
    void keepsItsKeysOnANakThatDoesNotEchoTheOutstandingRequest() {
        keyExchange(8);
        Synchronizer.Transmit earlier = nextRequest();
        byte[] staleNak = nak(earlier);
        Synchronizer.Transmit outstanding = nextRequest();

        assertThat(receive(outstanding, staleNak)).isFalse();

        assertThat(problems).isEmpty();
        assertThat(synchronizer.ntsKeyExchangesDue()).isEmpty();
        assertThat(receive(outstanding, answer(outstanding))).isTrue();
    }

    @Test
    void jarRunDryAsksForKeyExchangeAgain() {
        keyExchange(1);
        nextRequest();
        assertThat(synchronizer.ntsKeyExchangesDue()).isEmpty();

        assertThat(nextPoll()).isEmpty();

        assertThat(synchronizer.ntsKeyExchangesDue()).containsExactly(1);
    }

    @Test
    void dropsAnEarlierAuthenticReplyReplayedWhileALaterRequestIsOutstanding() {
        keyExchange(8);
        Synchronizer.Transmit earlier = nextRequest();
        byte[] earlierReply = answer(earlier);
        receive(earlier, earlierReply);
        Synchronizer.Transmit outstanding = nextRequest();

        assertThat(receive(outstanding, earlierReply)).isFalse();

        assertThat(synchronizer.ntsKeyExchangesDue()).isEmpty();
        assertThat(receive(outstanding, answer(outstanding))).isTrue();
    }

    @Test
    void neverSendsACookieTwice() {
        keyExchange(8);
        Set<String> cookiesSent = new HashSet<>();
        for (int poll = 0; poll < 20; poll++) {
            Synchronizer.Transmit transmit = requestWithin(1100);
            assertThat(cookiesSent.add(cookie(transmit))).as("poll %d", poll).isTrue();
            receive(transmit, answer(transmit));
        }
    }

    private Synchronizer.Transmit requestWithin(int seconds) {
        for (int s = 0; s < seconds; s++) {
            List<Synchronizer.Transmit> transmits = nextSecond();
            if (!transmits.isEmpty()) {
                return transmits.getFirst();
            }
        }
        throw new AssertionError("no request within " + seconds + " s");
    }

    private static String cookie(Synchronizer.Transmit transmit) {
        ByteBuffer request = ByteBuffer.wrap(transmit.datagram());
        NtsFieldScan.Fields fields = (NtsFieldScan.Fields) NtsFieldScan.scan(request, request.limit());
        return HexFormat.of().formatHex(transmit.datagram(), fields.cookieIndex(), fields.cookieIndex() + fields.cookieOctets());
    }
}
