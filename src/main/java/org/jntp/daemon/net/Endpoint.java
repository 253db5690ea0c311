package org.jntp.daemon.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.jntp.server.access.IpAddress;

/**
 * An IP address and UDP port as plain numbers, reusable on the per-packet path without creating
 * {@link InetAddress} objects. The address is held as 128 bits in network order (first byte is the
 * top byte of {@link #addressHigh()}); an IPv4 address is held in its IPv4-mapped IPv6 form
 * {@code ::ffff:a.b.c.d}, so one 128-bit key serves both families. Mutable: one instance is meant
 * to be filled again and again by its owning thread.
 */
public final class Endpoint {
    static final long IPV4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    private IpFamily family = IpFamily.IPV4;
    private long addressHigh;
    private long addressLow = IPV4_MAPPED_PREFIX;
    private int port;
    private int scopeId;

    /** An endpoint holding 0.0.0.0 port 0, to be filled later. */
    public Endpoint() {}

    /** The endpoint of a resolved socket address. */
    public static Endpoint of(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        Endpoint endpoint = new Endpoint();
        ByteBuffer bytes = ByteBuffer.wrap(address.getAddress().getAddress());
        if (address.getAddress() instanceof Inet6Address v6) {
            endpoint.setIpv6(bytes.getLong(0), bytes.getLong(8), address.getPort(), v6.getScopeId());
        } else {
            endpoint.setIpv4(bytes.getInt(0), address.getPort());
        }
        return endpoint;
    }

    /** Sets an IPv4 address, given as its 32 bits in network order, and a port. */
    public void setIpv4(int address, int port) {
        this.family = IpFamily.IPV4;
        this.addressHigh = 0;
        this.addressLow = IPV4_MAPPED_PREFIX | (address & 0xFFFF_FFFFL);
        this.port = port;
        this.scopeId = 0;
    }

    /** Sets an IPv6 address, given as its two 64-bit halves in network order, a port and a scope id. */
    public void setIpv6(long addressHigh, long addressLow, int port, int scopeId) {
        this.family = IpFamily.IPV6;
        this.addressHigh = addressHigh;
        this.addressLow = addressLow;
        this.port = port;
        this.scopeId = scopeId;
    }

    public IpFamily family() {
        return family;
    }

    /** The first 64 bits of the 128-bit address (zero for IPv4). */
    public long addressHigh() {
        return addressHigh;
    }

    /** The last 64 bits of the 128-bit address ({@code 0xffff} then the IPv4 address, for IPv4). */
    public long addressLow() {
        return addressLow;
    }

    /** The IPv4 address in network order; meaningful only for {@link IpFamily#IPV4}. */
    public int ipv4Address() {
        return (int) addressLow;
    }

    public int port() {
        return port;
    }

    /** The IPv6 scope (interface index) of a link-local address, else 0. */
    public int scopeId() {
        return scopeId;
    }

    /** Makes this endpoint equal to {@code other}. */
    public void copyFrom(Endpoint other) {
        this.family = other.family;
        this.addressHigh = other.addressHigh;
        this.addressLow = other.addressLow;
        this.port = other.port;
        this.scopeId = other.scopeId;
    }

    /** Whether both hold the same family, address, port and scope. */
    public boolean sameAs(Endpoint other) {
        return family == other.family && addressHigh == other.addressHigh && addressLow == other.addressLow
                && port == other.port && scopeId == other.scopeId;
    }

    /** The address as a JDK object; allocates, so for logs, configuration and tests. */
    public InetAddress toInetAddress() {
        try {
            return switch (family) {
                case IPV4 -> InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(ipv4Address()).array());
                case IPV6 -> scopeId == 0
                        ? InetAddress.getByAddress(ipv6Bytes())
                        : Inet6Address.getByAddress(null, ipv6Bytes(), scopeId);
            };
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4 or 16 byte address is always valid", e);
        }
    }

    /** The address and port as a JDK object; allocates, so for logs, configuration and tests. */
    public InetSocketAddress toInetSocketAddress() {
        return new InetSocketAddress(toInetAddress(), port);
    }

    @Override
    public String toString() {
        String address = IpAddress.fromMapped(addressHigh, addressLow).toString();
        return switch (family) {
            case IPV4 -> address + ":" + port;
            case IPV6 -> "[" + address + (isLinkLocal() ? "%" + scopeId : "") + "]:" + port;
        };
    }

    /** fe80::/10, where the scope (the interface) is part of the address. */
    private boolean isLinkLocal() {
        return (addressHigh >>> 54) == 0x3FA;
    }

    private byte[] ipv6Bytes() {
        return ByteBuffer.allocate(16).putLong(addressHigh).putLong(addressLow).array();
    }
}
