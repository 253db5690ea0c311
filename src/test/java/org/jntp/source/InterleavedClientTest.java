package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.discipline.Sample;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.ServerOutcome;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.junit.jupiter.api.Test;

/**
 * The client side of interleaved mode ({@code xleave}, RFC 9769 section 2) against our own server
 * on one time line: the server's clock is {@link #SERVER_AHEAD_NANOS} ahead of ours, each way takes
 * {@link #ONE_WAY_NANOS}, and a reply leaves {@link #SEND_NANOS} after the server stamped its basic
 * transmit timestamp, which is then that much early.
 */
class InterleavedClientTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_MONO_NANOS = 5_000 * SECOND;
    private static final long CLOCK_OFFSET_NANOS = 1_795_681_550_123_456_789L;
    private static final long SERVER_AHEAD_NANOS = 3_000_000;
    private static final long ONE_WAY_NANOS = 200_000;
    private static final long TURNAROUND_NANOS = 30_000;
    private static final long SEND_NANOS = 80_000;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207);
    private static final PollSettings POLL_16_S = new PollSettings(4, 4, 4, false, false, false);

    private final NtpServer server = interleavingServer();
    private final FixedRandom random = new FixedRandom(0);
    private final ByteBuffer reply = ByteBuffer.allocate(1280);
    private ClientSource source = new ClientSource(POLL_16_S, -22, START_MONO_NANOS, true);
    private double correctedSeconds;
    private Request lastRequest;
    private long lastArrivalMono;

    private static NtpServer interleavingServer() {
        SystemVariables stratum1 = new SystemVariables(LeapIndicator.NO_WARNING, 1, -24, 0, 0,
                ReferenceId.ofAscii("GPS").bits(), CLOCK_OFFSET_NANOS + START_MONO_NANOS);
        AtomicReference<SystemVariables> system = new AtomicReference<>(stratum1);
        RestrictTable restrictions = RestrictTable.defaults();
        return new NtpServer(system::get, () -> restrictions,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 7),
                DiscardSettings.defaults().averageLog2(), new ServerCounters());
    }

    private static long ourClock(long monoNanos) {
        return monoNanos + CLOCK_OFFSET_NANOS;
    }

    private static long serverClock(long monoNanos) {
        return ourClock(monoNanos) + SERVER_AHEAD_NANOS;
    }

    /** Polls when due; our send takes clientSendNanos, and the request leaves at its end. */
    private Reply exchange(long clientSendNanos) {
        long sentMono = source.nextPollMonoNanos();
        lastRequest = source.poll(sentMono, ourClock(sentMono), random).orElseThrow();
        source.transmitted(lastRequest.id(), ourClock(sentMono), ourClock(sentMono + clientSendNanos));
        long arrivedMono = sentMono + clientSendNanos + ONE_WAY_NANOS;
        ServerOutcome outcome = server.respond(ByteBuffer.wrap(lastRequest.datagram()), CLIENT.mappedHigh(),
                CLIENT.mappedLow(), 40000, serverClock(arrivedMono), arrivedMono, reply);
        long stampedMono = arrivedMono + TURNAROUND_NANOS;
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, serverClock(stampedMono));
        }
        long leftMono = stampedMono + SEND_NANOS;
        server.transmitted(reply, CLIENT.mappedHigh(), CLIENT.mappedLow(), serverClock(leftMono));
        return deliver(reply, leftMono + ONE_WAY_NANOS);
    }

    private Reply exchange() {
        return exchange(0);
    }

    private Reply deliver(ByteBuffer datagram, long arrivalMono) {
        byte[] bytes = new byte[datagram.limit()];
        datagram.get(0, bytes);
        lastArrivalMono = arrivalMono;
        return source.receive(bytes, bytes.length, lastRequest.id(), ourClock(arrivalMono), correctedSeconds,
                arrivalMono);
    }

    private static Sample sample(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Measured.class);
        return ((Reply.Measured) reply).sample();
    }

    @Test
    void sendsADataMinimisedBasicRequestFirst() {
        exchange();

        assertThat(lastRequest.header().originTime()).isEqualTo(NtpTimestamp.ZERO);
        assertThat(lastRequest.header().receiveTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void asksForTheServersTransmitTimeByItsReceiveTimestampOfTheLastRequest() {
        exchange();
        NtpTimestamp serverReceive = NtpHeader.decode(reply.duplicate()).receiveTime();

        exchange();

        assertThat(lastRequest.header().originTime()).isEqualTo(serverReceive);
        assertThat(lastRequest.header().receiveTime()).isNotEqualTo(NtpTimestamp.ZERO);
        assertThat(lastRequest.header().receiveTime()).isNotEqualTo(lastRequest.header().transmitTime());
    }

    @Test
    void measuresTheServersTransmitTimeAfterItsSendOnceInterleaved() {
        Sample basic = sample(exchange());
        Sample interleaved = sample(exchange());
        Sample next = sample(exchange());

        // the basic T3 was stamped SEND_NANOS before the reply left: half of it shows in the offset
        assertThat(basic.offsetSeconds()).isCloseTo((SERVER_AHEAD_NANOS - SEND_NANOS / 2) / 1e9, within(1e-9));
        assertThat(interleaved.offsetSeconds()).isCloseTo(SERVER_AHEAD_NANOS / 1e9, within(1e-9));
        assertThat(next.offsetSeconds()).isCloseTo(SERVER_AHEAD_NANOS / 1e9, within(1e-9));
        assertThat(next.delaySeconds()).isCloseTo(2 * ONE_WAY_NANOS / 1e9, within(1e-9));
    }

    @Test
    void datesAnInterleavedSampleAtTheReplyThatBroughtItWithItsAge() {
        exchange();
        long previousArrivalMono = lastArrivalMono;
        Reply interleaved = exchange();

        assertThat(sample(interleaved).epochNanos()).isEqualTo(ourClock(lastArrivalMono));
        assertThat(((Reply.Measured) interleaved).ageSeconds())
                .isCloseTo((lastArrivalMono - previousArrivalMono) / 1e9, within(1e-9));
    }

    @Test
    void givesABasicSampleNoAge() {
        assertThat(((Reply.Measured) exchange()).ageSeconds()).isZero();
    }

    @Test
    void takesOffWhatTheClockWasCorrectedBySinceThePreviousExchange() {
        exchange();
        correctedSeconds += 0.002;

        Sample interleaved = sample(exchange());

        assertThat(interleaved.offsetSeconds()).isCloseTo(SERVER_AHEAD_NANOS / 1e9 - 0.002, within(1e-9));
    }

    @Test
    void takesT1AfterOurSendInInterleavedModeAndBeforeItInBasicMode() {
        long clientSendNanos = 50_000;
        Sample basic = sample(exchange(clientSendNanos));
        Sample interleaved = sample(exchange(clientSendNanos));

        // our basic T1 and the server's basic T3 are both read before their sends
        assertThat(basic.offsetSeconds()).isCloseTo((SERVER_AHEAD_NANOS + (clientSendNanos - SEND_NANOS) / 2) / 1e9,
                within(1e-9));
        assertThat(interleaved.offsetSeconds()).isCloseTo(SERVER_AHEAD_NANOS / 1e9, within(1e-9));
    }

    @Test
    void aBasicAssociationNeverSendsInterleavedRequests() {
        source = new ClientSource(POLL_16_S, -22, START_MONO_NANOS);
        exchange();
        exchange();

        assertThat(lastRequest.header().originTime()).isEqualTo(NtpTimestamp.ZERO);
        assertThat(lastRequest.header().receiveTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void anXleaveServerLineMakesAnInterleavedAssociation() {
        AssociationOptions none = AssociationOptions.none();
        AssociationOptions xleaveOptions = new AssociationOptions(Set.of(AssociationFlag.XLEAVE), none.minPollLog2(),
                none.maxPollLog2(), none.version(), none.key(), none.mode(), none.ttl());
        ClientSource xleave = ClientSource.of(new Association(AssociationType.SERVER,
                new ServerAddress.Literal(IpAddress.ipv4(0xC000_0201)), xleaveOptions), -22, START_MONO_NANOS);

        assertThat(xleave.isInterleaved()).isTrue();
    }

    @Test
    void measuresABasicReplyToAnInterleavedRequest() {
        exchange();
        long sentMono = source.nextPollMonoNanos();
        Request request = source.poll(sentMono, ourClock(sentMono), random).orElseThrow();
        lastRequest = request;
        long serverNanos = serverClock(sentMono + ONE_WAY_NANOS);

        Sample sample = sample(deliver(ByteBuffer.wrap(PacketBuilder.replyTo(request, serverNanos, serverNanos).bytes()),
                sentMono + 2 * ONE_WAY_NANOS));

        assertThat(sample.offsetSeconds()).isCloseTo(SERVER_AHEAD_NANOS / 1e9, within(1e-9));
        assertThat(source.isInterleaved()).isTrue();
    }

    @Test
    void fallsBackToBasicRequestsAfterBasicRepliesInARow() {
        exchange();
        for (int i = 0; i < ClientSource.BASIC_REPLIES_BEFORE_FALLBACK; i++) {
            long sentMono = source.nextPollMonoNanos();
            lastRequest = source.poll(sentMono, ourClock(sentMono), random).orElseThrow();
            assertThat(lastRequest.header().originTime()).isNotEqualTo(NtpTimestamp.ZERO);
            long serverNanos = serverClock(sentMono + ONE_WAY_NANOS);
            deliver(ByteBuffer.wrap(PacketBuilder.replyTo(lastRequest, serverNanos, serverNanos).bytes()),
                    sentMono + 2 * ONE_WAY_NANOS);
        }

        assertThat(source.isInterleaved()).isFalse();
        exchange();
        assertThat(lastRequest.header().originTime()).isEqualTo(NtpTimestamp.ZERO);
        assertThat(lastRequest.header().receiveTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void startsOverWithABasicRequestAfterAnUnansweredPoll() {
        exchange();
        long sentMono = source.nextPollMonoNanos();
        source.poll(sentMono, ourClock(sentMono), random).orElseThrow();

        Reply reply = exchange();

        assertThat(lastRequest.header().originTime()).isEqualTo(NtpTimestamp.ZERO);
        assertThat(sample(reply).offsetSeconds()).isCloseTo((SERVER_AHEAD_NANOS - SEND_NANOS / 2) / 1e9,
                within(1e-9));
    }

    @Test
    void rejectsAReplyWhoseOriginIsNeitherOurTransmitNorOurReceiveTimestamp() {
        exchange();
        long sentMono = source.nextPollMonoNanos();
        lastRequest = source.poll(sentMono, ourClock(sentMono), random).orElseThrow();
        long serverNanos = serverClock(sentMono + ONE_WAY_NANOS);
        PacketBuilder forged = PacketBuilder.replyTo(lastRequest, serverNanos, serverNanos)
                .origin(lastRequest.header().originTime());

        assertThat(deliver(ByteBuffer.wrap(forged.bytes()), sentMono + 2 * ONE_WAY_NANOS))
                .isEqualTo(Reply.Rejected.of(RejectReason.BOGUS));
    }
}
