package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.clock.LeapState;
import org.jntp.leap.Leap;
import org.jntp.leap.LeapSmear;
import org.jntp.leap.ServedSmear;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseResult;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.access.RestrictTarget;
import org.junit.jupiter.api.Test;

class NtpServerTest {
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final long SECOND = 1_000_000_000L;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final int CLIENT_PORT = 40123;
    private static final NtpTimestamp CLIENT_TRANSMIT = NtpTimestamp.ofUnixNanos(NOW_NANOS - 3_000_000);
    private static final SystemVariables STRATUM_8 = new SystemVariables(LeapIndicator.NO_WARNING, 8, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("LOCL").bits(), NOW_NANOS - 10 * SECOND);

    /** Noon before the leap second of 2016-12-31, halfway through a day's smear. */
    private static final long SMEAR_NOON_NANOS = Instant.parse("2016-12-31T12:00:00Z").getEpochSecond() * SECOND;
    /** The monotonic clock of the smear tests: the clock reads it plus this, the kernel not having stepped. */
    private static final long CLOCK_AHEAD_NANOS = SMEAR_NOON_NANOS - 1_000 * SECOND;

    private final AtomicReference<SystemVariables> system = new AtomicReference<>(STRATUM_8);
    private final ServerCounters counters = new ServerCounters();
    private final ByteBuffer reply = ByteBuffer.allocate(1280);
    private NtpServer server = serverWith(RestrictTable.defaults());

    private NtpServer serverWith(RestrictTable table) {
        MruList mru = MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42);
        return new NtpServer(system::get, () -> table, mru, DiscardSettings.defaults().averageLog2(), counters);
    }

    private static RestrictTable defaultRestricted(RestrictFlag... flags) {
        return RestrictTable.of(List.of(RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), Set.of(flags))));
    }

    private static ByteBuffer request(int version, Mode mode) {
        NtpHeader client = NtpHeader.clientRequest(Math.max(1, Math.min(4, version)), CLIENT_TRANSMIT);
        NtpHeader header = new NtpHeader(client.leap(), version, mode, 0, 6, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO, CLIENT_TRANSMIT);
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        header.encode(buf);
        return buf.flip();
    }

    private static ByteBuffer clientRequest() {
        return request(4, Mode.CLIENT);
    }

    private ServerOutcome respond(ByteBuffer request, long receiveNanos, long monotonicNanos) {
        return server.respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), CLIENT_PORT, receiveNanos,
                monotonicNanos, reply);
    }

    private ServerOutcome respond(ByteBuffer request) {
        return respond(request, NOW_NANOS, 0);
    }

    private NtpHeader replyHeader() {
        return switch (NtpPacket.parse(reply.duplicate())) {
            case ParseResult.Parsed parsed -> parsed.packet().header();
            case ParseResult.Malformed malformed -> throw new AssertionError("reply malformed: " + malformed);
        };
    }

    @Test
    void answersAClientWithAServerReplyOfItsOwnVersionAndPoll() {
        assertThat(respond(request(3, Mode.CLIENT))).isEqualTo(ServerOutcome.ANSWERED);

        NtpHeader header = replyHeader();
        assertThat(header.mode()).isEqualTo(Mode.SERVER);
        assertThat(header.version()).isEqualTo(3);
        assertThat(header.poll()).isEqualTo(6);
        assertThat(reply.remaining()).isEqualTo(NtpHeader.LENGTH);
    }

    @Test
    void servesTheSystemVariables() {
        respond(clientRequest());

        NtpHeader header = replyHeader();
        assertThat(header.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(header.stratum()).isEqualTo(8);
        assertThat(header.precision()).isEqualTo(-24);
        assertThat(header.rootDelay()).isEqualTo(NtpShort.ofNanos(1_500_000));
        assertThat(header.referenceId()).isEqualTo(ReferenceId.ofAscii("LOCL"));
        assertThat(header.referenceTime()).isEqualTo(NtpTimestamp.ofUnixNanos(NOW_NANOS - 10 * SECOND));
    }

    @Test
    void echoesTheClientTransmitTimeAsOriginAndStampsTheReceiveTime() {
        respond(clientRequest());

        NtpHeader header = replyHeader();
        assertThat(header.originTime()).isEqualTo(CLIENT_TRANSMIT);
        assertThat(header.receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(NOW_NANOS));
    }

    @Test
    void setsTheTransmitTimeWhenStamped() {
        respond(clientRequest());
        NtpServer.stampTransmit(reply, NOW_NANOS + 42_000);

        assertThat(replyHeader().transmitTime()).isEqualTo(NtpTimestamp.ofUnixNanos(NOW_NANOS + 42_000));
    }

    @Test
    void agesTheRootDispersionByPhiSinceTheReferenceTime() {
        respond(clientRequest());

        // 10 ms at the reference time, plus 15 µs/s for the 10 s since
        assertThat(replyHeader().rootDispersion().toNanos()).isCloseTo(10_150_000, org.assertj.core.data.Offset.offset(20_000L));
    }

    @Test
    void answersUnsynchronisedAsNtpdDoesWithLeap3Stratum0AndInit() {
        system.set(SystemVariables.unsynchronized(-24));
        respond(clientRequest());

        NtpHeader header = replyHeader();
        assertThat(header.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(header.stratum()).isZero();
        assertThat(header.referenceId()).isEqualTo(KissCode.INIT.referenceId());
        assertThat(header.referenceTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void answersASymmetricActivePeerWithSymmetricPassive() {
        assertThat(respond(request(4, Mode.SYMMETRIC_ACTIVE))).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(replyHeader().mode()).isEqualTo(Mode.SYMMETRIC_PASSIVE);
    }

    @Test
    void declinesRepliesAndBroadcasts() {
        assertThat(respond(request(4, Mode.SERVER))).isEqualTo(ServerOutcome.DECLINED);
        assertThat(respond(request(4, Mode.BROADCAST))).isEqualTo(ServerOutcome.DECLINED);
        assertThat(respond(request(4, Mode.SYMMETRIC_PASSIVE))).isEqualTo(ServerOutcome.DECLINED);
    }

    @Test
    void countsASymmetricPassivePacketFromAStrangerAsDeclined() {
        respond(request(4, Mode.SYMMETRIC_PASSIVE));

        assertThat(counters.get(Counter.DECLINED)).isEqualTo(1);
        assertThat(counters.get(Counter.ANSWERED)).isZero();
    }

    @Test
    void dropsADatagramShorterThanAHeader() {
        ByteBuffer shortRequest = clientRequest().limit(47);

        assertThat(respond(shortRequest)).isEqualTo(ServerOutcome.BAD_FORMAT);
        assertThat(counters.get(Counter.BAD_FORMAT)).isEqualTo(1);
    }

    @Test
    void dropsVersionsZeroAndAboveFour() {
        ByteBuffer v5 = clientRequest();
        v5.put(0, (byte) ((5 << 3) | 3));
        ByteBuffer v0 = clientRequest();
        v0.put(0, (byte) 3);

        assertThat(respond(v5)).isEqualTo(ServerOutcome.UNSUPPORTED_VERSION);
        assertThat(respond(v0)).isEqualTo(ServerOutcome.UNSUPPORTED_VERSION);
    }

    @Test
    void answersOlderVersionsAndCountsThem() {
        assertThat(respond(request(1, Mode.CLIENT))).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(respond(request(4, Mode.CLIENT))).isEqualTo(ServerOutcome.ANSWERED);

        assertThat(counters.get(Counter.OLDER_VERSION)).isEqualTo(1);
        assertThat(counters.get(Counter.CURRENT_VERSION)).isEqualTo(1);
        assertThat(counters.get(Counter.RECEIVED)).isEqualTo(2);
    }

    @Test
    void refusesOlderVersionsWhenRestrictedToTheCurrentOne() {
        server = serverWith(defaultRestricted(RestrictFlag.VERSION));

        assertThat(respond(request(3, Mode.CLIENT))).isEqualTo(ServerOutcome.RESTRICTED);
        assertThat(respond(request(4, Mode.CLIENT))).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void ignoresAClientRestrictedWithIgnore() {
        server = serverWith(defaultRestricted(RestrictFlag.IGNORE));

        assertThat(respond(clientRequest())).isEqualTo(ServerOutcome.RESTRICTED);
        assertThat(counters.get(Counter.RESTRICTED)).isEqualTo(1);
    }

    @Test
    void saysWhichSourcesRestrictIgnoreCovers() {
        NtpServer restricted = serverWith(defaultRestricted(RestrictFlag.IGNORE));

        assertThat(restricted.ignores(CLIENT.mappedHigh(), CLIENT.mappedLow(), CLIENT_PORT)).isTrue();
        assertThat(server.ignores(CLIENT.mappedHigh(), CLIENT.mappedLow(), CLIENT_PORT)).isFalse();
    }

    @Test
    void servesNoTimeToAClientRestrictedWithNoserve() {
        server = serverWith(defaultRestricted(RestrictFlag.NOSERVE));

        assertThat(respond(clientRequest())).isEqualTo(ServerOutcome.RESTRICTED);
    }

    @Test
    void dropsALimitedClientPollingFasterThanTheMinimum() {
        server = serverWith(defaultRestricted(RestrictFlag.LIMITED));

        assertThat(respond(clientRequest(), NOW_NANOS, 0)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(respond(clientRequest(), NOW_NANOS, SECOND / 10)).isEqualTo(ServerOutcome.RATE_LIMITED);
        assertThat(counters.get(Counter.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void answersKissOfDeathWhenRateExceeded() {
        server = serverWith(defaultRestricted(RestrictFlag.LIMITED, RestrictFlag.KOD));
        respond(clientRequest(), NOW_NANOS, 0);

        assertThat(respond(clientRequest(), NOW_NANOS, SECOND / 10)).isEqualTo(ServerOutcome.KISS_OF_DEATH);

        NtpHeader header = replyHeader();
        assertThat(header.isKissOfDeath()).isTrue();
        assertThat(header.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(header.referenceId()).isEqualTo(KissCode.RATE.referenceId());
        assertThat(header.poll()).isEqualTo(Math.max(6, DiscardSettings.defaults().averageLog2()));
        assertThat(header.originTime()).isEqualTo(CLIENT_TRANSMIT);
        assertThat(header.receiveTime()).isEqualTo(CLIENT_TRANSMIT);
        assertThat(header.transmitTime()).isEqualTo(CLIENT_TRANSMIT);
        assertThat(counters.get(Counter.KOD_SENT)).isEqualTo(1);
        assertThat(counters.get(Counter.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void neverAnswersWithMoreBytesThanTheRequest() {
        ByteBuffer withMac = ByteBuffer.allocate(NtpHeader.LENGTH + 20);
        withMac.put(clientRequest()).putInt(1).put(new byte[16]).flip();

        assertThat(respond(withMac)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.remaining()).isLessThanOrEqualTo(withMac.limit());
    }

    private static ByteBuffer readStat() {
        return ByteBuffer.wrap(new byte[] {0x16, 0x01, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void handsAControlRequestToTheControlProtocolAndCountsIt() {
        assertThat(respond(readStat())).isEqualTo(ServerOutcome.CONTROL);
        assertThat(counters.get(Counter.CONTROL)).isEqualTo(1);
    }

    @Test
    void handsAControlRequestUnderNomodifyOnAsReadOnly() {
        server = serverWith(defaultRestricted(RestrictFlag.NOMODIFY));

        assertThat(respond(readStat())).isEqualTo(ServerOutcome.CONTROL_NOMODIFY);
        assertThat(counters.get(Counter.CONTROL)).isEqualTo(1);
    }

    @Test
    void dropsAndCountsAsRestrictedAControlRequestUnderNoquery() {
        server = serverWith(defaultRestricted(RestrictFlag.NOQUERY));

        assertThat(respond(readStat())).isEqualTo(ServerOutcome.RESTRICTED);
        assertThat(counters.get(Counter.RESTRICTED)).isEqualTo(1);
    }

    @Test
    void dropsAControlRequestUnderIgnore() {
        server = serverWith(defaultRestricted(RestrictFlag.IGNORE));

        assertThat(respond(readStat())).isEqualTo(ServerOutcome.RESTRICTED);
    }

    @Test
    void stillAnswersTimeUnderNoquery() {
        server = serverWith(defaultRestricted(RestrictFlag.NOQUERY));

        assertThat(respond(clientRequest())).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void dropsAndCountsAsRestrictedAnNtpdcRequestAsNtpdDoesWithoutMode7Enabled() {
        ByteBuffer monlist = ByteBuffer.wrap(new byte[] {0x17, 0x00, 0x03, 0x2a, 0, 0, 0, 0});

        assertThat(respond(monlist)).isEqualTo(ServerOutcome.PRIVATE_MODE);
        assertThat(counters.get(Counter.RESTRICTED)).isEqualTo(1);
        assertThat(counters.get(Counter.CONTROL)).isZero();
    }

    private static SystemVariables smearing(LeapState kind) {
        Leap leap = new Leap(Instant.parse("2017-01-01T00:00:00Z").getEpochSecond() * SECOND, kind);
        ServedSmear smear = ServedSmear.of(new LeapSmear(86_400), leap, SMEAR_NOON_NANOS,
                SMEAR_NOON_NANOS - CLOCK_AHEAD_NANOS);
        return new SystemVariables(LeapIndicator.NO_WARNING, 2, -24, 1_500_000, 10_000_000,
                ReferenceId.ofAscii("GPS").bits(), SMEAR_NOON_NANOS - 10 * SECOND, Optional.of(smear));
    }

    @Test
    void servesTheReceiveTimeSmearedHalfASecondBackInTheMiddleOfAnInsertion() {
        system.set(smearing(LeapState.INSERT));

        respond(clientRequest(), SMEAR_NOON_NANOS, SMEAR_NOON_NANOS - CLOCK_AHEAD_NANOS);

        assertThat(replyHeader().receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(SMEAR_NOON_NANOS - SECOND / 2));
    }

    @Test
    void servesTheTransmitTimeSmearedAsTheReceiveTime() {
        system.set(smearing(LeapState.INSERT));
        long transmitNanos = SMEAR_NOON_NANOS + 20_000;

        long served = server.servedNanos(transmitNanos, transmitNanos - CLOCK_AHEAD_NANOS);

        assertThat(served).isCloseTo(transmitNanos - SECOND / 2, within(1_000L));
    }

    @Test
    void servesTheReferenceTimeSmearedByTheOffsetOfTheReply() {
        system.set(smearing(LeapState.DELETE));
        // the middle of a deletion's day: its smear ends at 23:59:59, where the clock skips a second
        long nanos = Instant.parse("2016-12-31T11:59:59Z").toEpochMilli() * 1_000_000L;

        respond(clientRequest(), nanos, nanos - CLOCK_AHEAD_NANOS);

        assertThat(replyHeader().referenceTime())
                .isEqualTo(NtpTimestamp.ofUnixNanos(SMEAR_NOON_NANOS - 10 * SECOND + SECOND / 2));
        assertThat(replyHeader().receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(nanos + SECOND / 2));
    }

    @Test
    void putsTheSmearInTheReferenceIdAndKeepsLeapIndicatorZero() {
        system.set(smearing(LeapState.INSERT));

        respond(clientRequest(), SMEAR_NOON_NANOS, SMEAR_NOON_NANOS - CLOCK_AHEAD_NANOS);

        assertThat(replyHeader().referenceId().bits()).isEqualTo(LeapSmear.referenceIdBits(-0.5));
        assertThat(replyHeader().leap()).isEqualTo(LeapIndicator.NO_WARNING);
    }

    @Test
    void servesTheClockAsItIsBeforeTheSmearBegins() {
        system.set(smearing(LeapState.INSERT));
        long dayBefore = SMEAR_NOON_NANOS - 86_400 * SECOND;

        respond(clientRequest(), dayBefore, dayBefore - CLOCK_AHEAD_NANOS);

        assertThat(replyHeader().receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(dayBefore));
        assertThat(replyHeader().referenceId()).isEqualTo(ReferenceId.ofAscii("GPS"));
    }

    @Test
    void servesTheClockAsItIsWithoutASmear() {
        assertThat(server.servedNanos(NOW_NANOS, 0)).isEqualTo(NOW_NANOS);
    }

    @Test
    void answersWhileSmearingWithoutAllocating() {
        system.set(smearing(LeapState.INSERT));
        ByteBuffer request = clientRequest();
        long allocated = Allocations.afterWarmUp(times -> answerSmeared(request, times));

        assertThat(allocated).isLessThan(1024);
    }

    private void answerSmeared(ByteBuffer request, int times) {
        for (int i = 0; i < times; i++) {
            long clockNanos = SMEAR_NOON_NANOS + i * 1_000L;
            respond(request, clockNanos, clockNanos - CLOCK_AHEAD_NANOS);
            NtpServer.stampTransmit(reply, server.servedNanos(clockNanos, clockNanos - CLOCK_AHEAD_NANOS));
        }
    }

    @Test
    void answersWithoutAllocating() {
        ByteBuffer request = clientRequest();
        long allocated = Allocations.afterWarmUp(times -> answer(request, times));

        // One object per request would be at least 1.6 MB; the JIT's own transitions may cost a few bytes.
        assertThat(allocated).isLessThan(1024);
    }

    private void answer(ByteBuffer request, int times) {
        for (int i = 0; i < times; i++) {
            respond(request, NOW_NANOS + i, i * SECOND);
            NtpServer.stampTransmit(reply, NOW_NANOS + i);
        }
    }
}
