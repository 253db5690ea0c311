package org.jntp.server.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The restriction flags of a {@code restrict} line. The bits are ntpd 4.2.8p15's RES_* values,
 * because mode 6 (ntpq's mrulist "rstr" column) shows them to clients as a number.
 */
public enum RestrictFlag {
    /** Drop every packet, time and queries alike. */
    IGNORE(0x0001, "ignore"),
    /** Deny time service; mode 6 queries are still answered (ntpd's RES_DONTSERVE). */
    NOSERVE(0x0002, "noserve"),
    /** Deny service unless the packet is cryptographically authenticated (RES_DONTTRUST). */
    NOTRUST(0x0004, "notrust"),
    /** Deny packets whose version is not the current NTP version. */
    VERSION(0x0008, "version"),
    /** Deny packets that would mobilize a new association unless authenticated. */
    NOPEER(0x0010, "nopeer"),
    /** Deny packets that would mobilize a new ephemeral (symmetric passive) association. */
    NOEPEER(0x0020, "noepeer"),
    /** Deny time service to clients exceeding the {@code discard} rate limits. */
    LIMITED(0x0040, "limited"),
    /** Deny mode 6 queries. */
    NOQUERY(0x0080, "noquery"),
    /** Deny mode 6 requests that would modify the server's state. */
    NOMODIFY(0x0100, "nomodify"),
    /** Deny mode 6 trap service. */
    NOTRAP(0x0200, "notrap"),
    /** Traps set by matching hosts are low priority (RES_LPTRAP). */
    LOWPRIOTRAP(0x0400, "lowpriotrap"),
    /** With {@link #LIMITED}, answer a rate violation with a RATE kiss-o'-death packet. */
    KOD(0x0800, "kod"),
    /** Microsoft MS-SNTP authentication through ntp_signd. */
    MSSNTP(0x1000, "mssntp"),
    /** Drop one received NTP packet in ten, for testing. */
    FLAKE(0x2000, "flake"),
    /** Deny mode 6 MRU-list requests. */
    NOMRULIST(0x4000, "nomrulist");

    private final int bit;
    private final String keyword;

    RestrictFlag(int bit, String keyword) {
        this.bit = bit;
        this.keyword = keyword;
    }

    /** This flag's bit in a restriction mask. */
    public int bit() {
        return bit;
    }

    /** The word ntp.conf spells this flag with. */
    public String keyword() {
        return keyword;
    }

    /** Whether this flag is set in mask. */
    public boolean isSetIn(int mask) {
        return (mask & bit) != 0;
    }

    /** The flag ntp.conf spells as keyword (exactly, lower case), if any. */
    public static Optional<RestrictFlag> byKeyword(String keyword) {
        for (RestrictFlag flag : values()) {
            if (flag.keyword.equals(keyword)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The mask with the bits of flags set. */
    public static int mask(Set<RestrictFlag> flags) {
        int mask = 0;
        for (RestrictFlag flag : flags) {
            mask |= flag.bit;
        }
        return mask;
    }

    /** The flags set in mask. */
    public static Set<RestrictFlag> fromMask(int mask) {
        EnumSet<RestrictFlag> flags = EnumSet.noneOf(RestrictFlag.class);
        for (RestrictFlag flag : values()) {
            if (flag.isSetIn(mask)) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
