package org.jntp.daemon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.source.RawReply;
import org.junit.jupiter.api.Test;

/** Each record against a line written by hand from ntpd 4.2.8's format string in ntp_util.c. */
class StatsRecordsTest {
    /** 2024-11-26 is MJD 60640; 16:00 UTC is 57600 s past midnight. */
    private static final long AT = nanos("2024-11-26T16:00:00.123Z");

    private static long nanos(String utc) {
        Instant instant = Instant.parse(utc);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** NTP timestamp bits of whole seconds and microseconds. */
    private static long bits(long ntpSeconds, long micros) {
        return (ntpSeconds << 32) | Math.round(micros * 4294967296.0 / 1e6);
    }

    @Test
    void stampsTheModifiedJulianDayAndTheSecondsPastUtcMidnightToTheMillisecond() {
        assertThat(StatsRecords.stamp(AT)).isEqualTo("60640 57600.123");
        assertThat(StatsRecords.stamp(nanos("2024-11-26T00:00:05.000Z"))).isEqualTo("60640 5.000");
        assertThat(StatsRecords.stamp(nanos("2024-11-26T16:00:00.123600Z"))).isEqualTo("60640 57600.124");
    }

    @Test
    void writesLoopstatsAsNtpd() {
        // "%lu %s %.9f %.3f %.9f %.6f %d"
        assertThat(StatsRecords.loop(AT, 0.000123456789, -12.3457, 0.0000012346, 0.0123456, 6))
                .isEqualTo("60640 57600.123 0.000123457 -12.346 0.000001235 0.012346 6");
    }

    @Test
    void writesPeerstatsAsNtpd() throws Exception {
        // "%lu %s %s %x %.9f %.9f %.9f %.9f"
        assertThat(StatsRecords.peer(AT, InetAddress.getByName("192.0.2.1"), 0x9614, -0.00025, 0.0015, 0.0001,
                0.00005)).isEqualTo("60640 57600.123 192.0.2.1 9614 -0.000250000 0.001500000 0.000100000 0.000050000");
        assertThat(StatsRecords.peer(AT, InetAddress.getByName("2001:db8::1"), 0x8011, 0, 0, 16, 0))
                .isEqualTo("60640 57600.123 2001:db8::1 8011 0.000000000 0.000000000 16.000000000 0.000000000");
    }

    @Test
    void writesRawstatsAsNtpd() throws Exception {
        NtpHeader header = new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, 6, -20, NtpShort.ZERO,
                new NtpShort(65), ReferenceId.ofAscii("GPS"), NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO, NtpTimestamp.ZERO);
        RawReply reply = new RawReply(header, bits(3_941_107_200L, 119_734), bits(3_941_107_200L, 120_000),
                bits(3_941_107_200L, 120_010), bits(3_941_107_200L, 121_000));

        // "%lu %s %s %s %s %s %s %s %d %d %d %d %d %d %.6f %.6f %s"
        assertThat(StatsRecords.raw(AT, InetAddress.getByName("192.0.2.1"), reply)).isEqualTo(
                "60640 57600.123 192.0.2.1 - 3941107200.119734000 3941107200.120000000 3941107200.120010000"
                        + " 3941107200.121000000 0 4 4 1 6 -20 0.000000 0.000992 .GPS.");
    }

    @Test
    void writesASecondarysReferenceIdInRawstatsAsADottedQuad() throws Exception {
        NtpHeader header = new NtpHeader(LeapIndicator.ADD_SECOND, 3, Mode.SYMMETRIC_PASSIVE, 2, 10, -23,
                new NtpShort(0x0001_8000), NtpShort.ZERO, new ReferenceId(0xC000_02C8), NtpTimestamp.ZERO,
                NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO);
        RawReply reply = new RawReply(header, bits(3_941_107_200L, 0), bits(3_941_107_200L, 0),
                bits(3_941_107_200L, 0), bits(3_941_107_200L, 0));

        assertThat(StatsRecords.raw(AT, InetAddress.getByName("192.0.2.1"), reply))
                .endsWith(" 1 3 2 2 10 -23 1.500000 0.000000 192.0.2.200");
    }

    @Test
    void writesSysstatsAsNtpd() {
        // "%lu %s %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu"
        assertThat(StatsRecords.sys(AT, 3600, new SysCounts(100, 90, 80, 20, 5, 3, 0, 1, 4, 2)))
                .isEqualTo("60640 57600.123 3600 100 90 80 20 5 3 0 1 4 2");
    }

    @Test
    void roundsAnNtpTimestampToNineDecimalsCarryingIntoTheSeconds() {
        assertThat(StatsRecords.ntpTimestamp((5L << 32) | 0xFFFF_FFFFL)).isEqualTo("6.000000000");
        assertThat(StatsRecords.ntpTimestamp((5L << 32) | 0x8000_0000L)).isEqualTo("5.500000000");
    }
}
