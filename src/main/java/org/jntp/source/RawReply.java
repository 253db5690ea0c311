package org.jntp.source;

import org.jntp.protocol.NtpHeader;

/**
 * A packet an association accepted, with the four timestamps its sample was measured from (NTP
 * format), for ntpd's {@code rawstats}. T1 and T4 are our clock's readings, not the packet's
 * origin field: a client request carries random bits there.
 *
 * @param header what the packet says of its sender
 * @param t1Bits when our request left (our clock)
 * @param t2Bits when the source received it (its clock)
 * @param t3Bits when the source's packet left (its clock)
 * @param t4Bits when the packet arrived (our clock)
 */
public record RawReply(NtpHeader header, long t1Bits, long t2Bits, long t3Bits, long t4Bits) {}
