package org.jntp.daemon.stats;

import java.util.Map;
import org.jntp.server.Counter;

/**
 * The server's counts over one {@code sysstats} interval, in the fields of ntpd's record; processed
 * is the time replies sent
 * (ntpd counts the packets it processed for time, which it then answers).
 */
public record SysCounts(long received, long processed, long currentVersion, long olderVersion, long restricted,
        long badLength, long badAuthentication, long declined, long rateLimited, long kodSent) {

    /** What the counters counted from {@code before} to {@code after} (ntpd clears them after each record). */
    public static SysCounts between(Map<Counter, Long> before, Map<Counter, Long> after) {
        return new SysCounts(delta(before, after, Counter.RECEIVED), delta(before, after, Counter.ANSWERED),
                delta(before, after, Counter.CURRENT_VERSION), delta(before, after, Counter.OLDER_VERSION),
                delta(before, after, Counter.RESTRICTED), delta(before, after, Counter.BAD_FORMAT),
                delta(before, after, Counter.AUTHENTICATION_FAILED),
                delta(before, after, Counter.DECLINED), delta(before, after, Counter.RATE_LIMITED),
                delta(before, after, Counter.KOD_SENT));
    }

    private static long delta(Map<Counter, Long> before, Map<Counter, Long> after, Counter counter) {
        return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
    }
}
