package org.jntp.server.access;

/**
 * The {@code discard} line: the rate limits applied to clients matching a {@code limited} entry.
 *
 * @param averageLog2 minimum average headway between packets, log2 seconds (ntpd default 3: 8 s)
 * @param minimumSeconds minimum headway between two packets, the guard time (default 2 s)
 * @param monitorSeconds the age scale of ntpd's random preemption once the MRU list is full (default 3000 s)
 */
public record DiscardSettings(int averageLog2, int minimumSeconds, int monitorSeconds) {
    public static final int DEFAULT_AVERAGE_LOG2 = 3;
    public static final int DEFAULT_MINIMUM_SECONDS = 2;
    public static final int DEFAULT_MONITOR_SECONDS = 3000;
    /** Highest average: NTP's longest poll interval, and small enough for the leak arithmetic. */
    public static final int MAX_AVERAGE_LOG2 = 17;
    /** Highest guard time: one day. */
    public static final int MAX_MINIMUM_SECONDS = 86_400;

    public DiscardSettings {
        if (averageLog2 < 0 || averageLog2 > MAX_AVERAGE_LOG2) {
            throw new IllegalArgumentException("average " + averageLog2 + " outside 0.." + MAX_AVERAGE_LOG2);
        }
        if (minimumSeconds < 0 || minimumSeconds > MAX_MINIMUM_SECONDS) {
            throw new IllegalArgumentException("minimum " + minimumSeconds + " outside 0.." + MAX_MINIMUM_SECONDS);
        }
        if (monitorSeconds < 1) {
            throw new IllegalArgumentException("monitor " + monitorSeconds + " is below 1");
        }
    }

    /** ntpd's values when ntp.conf has no discard line. */
    public static DiscardSettings defaults() {
        return new DiscardSettings(DEFAULT_AVERAGE_LOG2, DEFAULT_MINIMUM_SECONDS, DEFAULT_MONITOR_SECONDS);
    }

    /** The average headway in seconds, 2^average. */
    public int averageSeconds() {
        return 1 << averageLog2;
    }
}
