package org.jntp.daemon.stats;

import java.net.InetAddress;
import java.util.Locale;
import org.jntp.daemon.AddressText;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.ReferenceId;
import org.jntp.source.RawReply;

/**
 * The lines of ntpd 4.2.8's statistics files (ntp_util.c's record_*_stats), without the newline.
 * Each begins with the Modified Julian Day and the seconds past UTC midnight to the millisecond
 * ({@code 60640 57600.123}), which is what plotting scripts key on.
 */
public final class StatsRecords {
    /** MJD of the Unix epoch, 1970-01-01. */
    private static final long MJD_UNIX_EPOCH = 40_587;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400 * NANOS_PER_SECOND;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** ntpd's PKT_TO_STRATUM: stratum 0 in a packet means unspecified, 16. */
    private static final int STRATUM_UNSPECIFIED = 16;

    private StatsRecords() {}

    /** The day and time every record starts with: ntpd's {@code "%lu %s"} of the MJD and ulfptoa(now, 3). */
    public static String stamp(long unixNanos) {
        long day = Math.floorDiv(unixNanos, NANOS_PER_DAY) + MJD_UNIX_EPOCH;
        // rounded as ulfptoa rounds, so the last millisecond of a day reads 86400.000, as in ntpd
        long millis = (Math.floorMod(unixNanos, NANOS_PER_DAY) + NANOS_PER_MILLI / 2) / NANOS_PER_MILLI;
        return String.format(Locale.ROOT, "%d %d.%03d", day, millis / 1000, millis % 1000);
    }

    /** {@code loopstats}: offset (s), frequency (ppm), clock jitter (s), wander (ppm), poll exponent. */
    public static String loop(long unixNanos, double offsetSeconds, double frequencyPpm, double jitterSeconds,
            double wanderPpm, int pollLog2) {
        return stamp(unixNanos) + String.format(Locale.ROOT, " %.9f %.3f %.9f %.6f %d", offsetSeconds,
                frequencyPpm, jitterSeconds, wanderPpm, pollLog2);
    }

    /** {@code peerstats}: address, peer status word (hex), offset, delay, dispersion and jitter (s). */
    public static String peer(long unixNanos, InetAddress source, int statusWord, double offsetSeconds,
            double delaySeconds, double dispersionSeconds, double jitterSeconds) {
        return stamp(unixNanos) + String.format(Locale.ROOT, " %s %x %.9f %.9f %.9f %.9f", AddressText.of(source),
                statusWord, offsetSeconds, delaySeconds, dispersionSeconds, jitterSeconds);
    }

    /**
     * {@code rawstats}: source and destination address, T1 to T4, then the header's leap, version,
     * mode, stratum, poll, precision, root delay and dispersion (s) and reference ID. The address
     * the packet came to is not known to the client core, so it is "-", as ntpd writes an unknown one.
     */
    public static String raw(long unixNanos, InetAddress source, RawReply reply) {
        NtpHeader header = reply.header();
        int stratum = header.stratum() == NtpHeader.STRATUM_KISS ? STRATUM_UNSPECIFIED : header.stratum();
        return stamp(unixNanos) + String.format(Locale.ROOT, " %s - %s %s %s %s %d %d %d %d %d %d %.6f %.6f %s",
                AddressText.of(source), ntpTimestamp(reply.t1Bits()), ntpTimestamp(reply.t2Bits()),
                ntpTimestamp(reply.t3Bits()), ntpTimestamp(reply.t4Bits()), header.leap().code(), header.version(),
                header.mode().code(), stratum, header.poll(), header.precision(), header.rootDelay().toSeconds(),
                header.rootDispersion().toSeconds(), referenceId(header.referenceId(), stratum));
    }

    /**
     * {@code sysstats}: seconds since the last record, then the server's counts since then.
     *
     * @param counts received, processed, current version, older version, restricted, bad length,
     *               bad authentication, declined, rate limited and KoD sent, in ntpd's order
     */
    public static String sys(long unixNanos, long sinceLastSeconds, SysCounts counts) {
        return stamp(unixNanos) + String.format(Locale.ROOT, " %d %d %d %d %d %d %d %d %d %d %d", sinceLastSeconds,
                counts.received(), counts.processed(), counts.currentVersion(), counts.olderVersion(),
                counts.restricted(), counts.badLength(), counts.badAuthentication(), counts.declined(),
                counts.rateLimited(), counts.kodSent());
    }

    /** An NTP timestamp as ntpd's ulfptoa(ts, 9): unsigned seconds since 1900, nine decimals rounded. */
    static String ntpTimestamp(long bits) {
        long seconds = bits >>> 32;
        long nanos = ((bits & 0xFFFF_FFFFL) * NANOS_PER_SECOND + (1L << 31)) >>> 32;
        if (nanos == NANOS_PER_SECOND) {
            seconds++;
            nanos = 0;
        }
        return String.format(Locale.ROOT, "%d.%09d", seconds, nanos);
    }

    /** ntpd's refid_str(): text between dots at stratum 0 and 1, a dotted quad above. */
    private static String referenceId(ReferenceId id, int stratum) {
        if (stratum <= 1) {
            return id.display(stratum);
        }
        int bits = id.bits();
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }
}
