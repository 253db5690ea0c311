package org.jntp.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as plain numbers, in network order. An IPv6 address is its two 64-bit
 * halves; an IPv4 address sits in the low 32 bits of {@link #low()} with {@link #high()} zero.
 */
public record IpAddress(AddressFamily family, long high, long low) {
    /** The top 96 bits of an IPv4-mapped IPv6 address {@code ::ffff:a.b.c.d}, as its low half. */
    public static final long IPV4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    public IpAddress {
        if (family == AddressFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("an IPv4 address has only 32 bits");
        }
    }

    /** An IPv4 address given as its 32 bits in network order (first octet in the top byte). */
    public static IpAddress ipv4(int address) {
        return new IpAddress(AddressFamily.IPV4, 0, address & 0xFFFF_FFFFL);
    }

    /** An IPv6 address given as its two 64-bit halves in network order. */
    public static IpAddress ipv6(long high, long low) {
        return new IpAddress(AddressFamily.IPV6, high, low);
    }

    /**
     * The address written as a numeric literal: dotted quad for IPv4, RFC 4291 text for IPv6.
     * Never consults DNS; a host name, a zone index or anything malformed gives empty.
     */
    public static Optional<IpAddress> parseLiteral(String text) {
        return IpLiteral.parse(text);
    }

    /** The IPv4 address in network order; only meaningful for {@link AddressFamily#IPV4}. */
    public int ipv4() {
        return (int) low;
    }

    /** The high half of this address as the 128-bit key shared by both families (IPv4-mapped). */
    public long mappedHigh() {
        return family == AddressFamily.IPV4 ? 0 : high;
    }

    /** The low half of this address as the 128-bit key shared by both families (IPv4-mapped). */
    public long mappedLow() {
        return family == AddressFamily.IPV4 ? IPV4_MAPPED_PREFIX | low : low;
    }

    /** The address of a 128-bit key, turning IPv4-mapped keys back into IPv4 addresses. */
    public static IpAddress fromMapped(long high, long low) {
        boolean mapped = high == 0 && (low & 0xFFFF_FFFF_0000_0000L) == IPV4_MAPPED_PREFIX;
        return mapped ? ipv4((int) low) : ipv6(high, low);
    }

    /** Dotted quad for IPv4, RFC 5952 text for IPv6. */
    @Override
    public String toString() {
        return IpLiteral.format(this);
    }

    /** The address of a JDK address; never looks anything up. */
    public static IpAddress of(InetAddress address) {
        ByteBuffer bytes = ByteBuffer.wrap(address.getAddress());
        return bytes.capacity() == 4 ? ipv4(bytes.getInt()) : ipv6(bytes.getLong(), bytes.getLong());
    }

    /** The JDK form of this address; never looks anything up. */
    public InetAddress inetAddress() {
        byte[] bytes = family == AddressFamily.IPV4
                ? ByteBuffer.allocate(4).putInt(ipv4()).array()
                : ByteBuffer.allocate(16).putLong(high).putLong(low).array();
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4 or 16 byte address is always valid", e);
        }
    }
}
