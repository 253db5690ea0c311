package org.jntp.ntpq;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What ntpq's output depends on besides the reply: whether host names are shown ({@code -n}
 * turns them off), wide remote names ({@code -w}), how names are looked up, the time zone of
 * dates and the current time ({@code when} column, NTP era of timestamps).
 *
 * @param showHostNames names rather than numbers for addresses
 * @param wide remote names longer than 15 characters printed whole
 * @param hostNames the reverse lookup
 * @param zone the time zone dates are printed in, asked for only when one is printed (finding the
 *             system's costs ntpq -p a sixth of its run)
 * @param now the current time
 */
public record Display(boolean showHostNames, boolean wide, HostNames hostNames, Supplier<ZoneId> zone,
        Instant now) {
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    /** Requires every part. */
    public Display {
        Objects.requireNonNull(hostNames, "hostNames");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
    }

    /** {@code nntohost}: a name, a reference clock name, or the address in text. */
    public String host(NetAddress address) {
        if (!showHostNames || address.isUnspecified()) {
            return address.text();
        }
        if (address.isRefclock()) {
            return address.refclockText();
        }
        return hostNames.nameOf(address.address());
    }

    /** {@code nntohostp}: as {@link #host} with {@code :port}. */
    public String hostWithPort(NetAddress address) {
        if (!showHostNames || address.isUnspecified()) {
            return address.textWithPort();
        }
        if (address.isRefclock()) {
            return address.refclockText();
        }
        return hostNames.nameOf(address.address()) + ":" + address.port();
    }

    /** The current time in NTP seconds (the low 32 bits, as an l_fp's seconds field). */
    public long nowNtpSeconds() {
        return (now.getEpochSecond() + NTP_TO_UNIX_SECONDS) & 0xFFFF_FFFFL;
    }

    /** Unix seconds of an NTP seconds field, in the era that puts it nearest now ({@code ntpcal_ntp_to_time}). */
    public long unixSeconds(long ntpSeconds) {
        long nowUnix = now.getEpochSecond();
        long delta = (ntpSeconds - nowNtpSeconds()) & 0xFFFF_FFFFL;
        return delta >= 1L << 31 ? nowUnix + delta - (1L << 32) : nowUnix + delta;
    }
}
