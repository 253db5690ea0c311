package org.jntp.config;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The system options of enable and disable lines, with ntpd 4.2.8's defaults. */
public enum SystemFlag {
    /** Mobilize associations with unconfigured peers only when authenticated. */
    AUTH("auth", true),
    /** Listen for broadcast and multicast servers. */
    BCLIENT("bclient", false),
    /** Calibrate reference clocks. */
    CALIBRATE("calibrate", false),
    /** Use the kernel time discipline. */
    KERNEL("kernel", true),
    /** Answer ntpdc's mode 7 requests. */
    MODE7("mode7", false),
    /** Keep the MRU list of clients. */
    MONITOR("monitor", true),
    /** Discipline the clock: open or close the feedback loop. */
    NTP("ntp", true),
    /** Use PPS signals through the kernel (older ntpd). */
    PPS("pps", false),
    /** Write statistics files. */
    STATS("stats", true);

    private final String keyword;
    private final boolean enabledByDefault;

    SystemFlag(String keyword, boolean enabledByDefault) {
        this.keyword = keyword;
        this.enabledByDefault = enabledByDefault;
    }

    /** The word enable and disable lines spell this option with. */
    public String keyword() {
        return keyword;
    }

    /** Whether ntpd enables this option when no line mentions it. */
    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    /** The flags enabled when ntp.conf has no enable or disable line. */
    public static Set<SystemFlag> defaults() {
        EnumSet<SystemFlag> flags = EnumSet.noneOf(SystemFlag.class);
        for (SystemFlag flag : values()) {
            if (flag.enabledByDefault) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /** The flag spelled exactly as keyword. */
    public static Optional<SystemFlag> byKeyword(String keyword) {
        for (SystemFlag flag : values()) {
            if (flag.keyword.equals(keyword)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
