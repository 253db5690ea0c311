package org.jntp.server.access;

/**
 * A copy of one MRU list entry, for ntpq's mrulist.
 *
 * @param port the source port of the latest packet
 * @param firstNanos when the first packet counted arrived, on the caller's timescale
 * @param lastNanos when the latest packet arrived
 * @param count packets seen since the entry was made
 * @param restrictFlags the {@link RestrictFlag} mask of the latest packet; LIMITED and KOD remain
 *     only if that packet was rate limited, as in ntpd
 * @param mode the NTP mode of the latest packet
 * @param version the NTP version of the latest packet
 */
public record MruEntry(IpAddress address, int port, long firstNanos, long lastNanos, int count, int restrictFlags,
        int mode, int version) {}
