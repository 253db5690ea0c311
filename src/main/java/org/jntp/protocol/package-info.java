/**
 * The NTP wire protocol as pure codecs, no I/O: timestamps and short-format values (RFC 5905 §6),
 * the 48-byte header (§7.3), kiss codes (§7.4), extension fields and MACs (§7.5, RFC 7822).
 *
 * <p>Two ways in: {@link org.jntp.protocol.NtpPacket#parse} builds value objects for the client
 * and tools; {@link org.jntp.protocol.NtpPacket#check} and {@link org.jntp.protocol.HeaderView}
 * read and write a datagram in place without allocating, for the server's per-packet path.
 */
package org.jntp.protocol;
