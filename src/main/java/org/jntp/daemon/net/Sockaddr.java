package org.jntp.daemon.net;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * Reads and writes {@code struct sockaddr_in} (16 bytes: family, port, address, zero padding) and
 * {@code struct sockaddr_in6} (28 bytes: family, port, flow info, address, scope id) in native
 * memory. Family and scope id are in host order, port and address in network order.
 */
final class Sockaddr {
    private Sockaddr() {}

    /** Room for either kind, rounded up so consecutive slots stay 8-byte aligned. */
    static final int SLOT_BYTES = 32;
    static final int IN_BYTES = 16;
    static final int IN6_BYTES = 28;

    static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt NET_INT = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong NET_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final long FAMILY = 0;
    private static final long PORT = 2;
    private static final long IN_ADDR = 4;
    private static final long IN6_FLOWINFO = 4;
    private static final long IN6_ADDR = 8;
    private static final long IN6_SCOPE_ID = 24;

    static IpFamily family(MemorySegment memory, long offset) {
        return memory.get(JAVA_SHORT_UNALIGNED, offset + FAMILY) == Libc.AF_INET6 ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    static int port(MemorySegment memory, long offset) {
        return Short.toUnsignedInt(memory.get(NET_SHORT, offset + PORT));
    }

    static long addressHigh(MemorySegment memory, long offset) {
        return switch (family(memory, offset)) {
            case IPV4 -> 0;
            case IPV6 -> memory.get(NET_LONG, offset + IN6_ADDR);
        };
    }

    static long addressLow(MemorySegment memory, long offset) {
        return switch (family(memory, offset)) {
            case IPV4 -> Endpoint.IPV4_MAPPED_PREFIX | (memory.get(NET_INT, offset + IN_ADDR) & 0xFFFF_FFFFL);
            case IPV6 -> memory.get(NET_LONG, offset + IN6_ADDR + 8);
        };
    }

    static void read(MemorySegment memory, long offset, Endpoint into) {
        int port = port(memory, offset);
        switch (family(memory, offset)) {
            case IPV4 -> into.setIpv4(memory.get(NET_INT, offset + IN_ADDR), port);
            case IPV6 -> into.setIpv6(memory.get(NET_LONG, offset + IN6_ADDR), memory.get(NET_LONG, offset + IN6_ADDR + 8),
                    port, memory.get(JAVA_INT_UNALIGNED, offset + IN6_SCOPE_ID));
        }
    }

    /** Writes {@code endpoint} as the sockaddr of its family; returns the sockaddr's length. */
    static int write(MemorySegment memory, long offset, Endpoint endpoint) {
        memory.set(NET_SHORT, offset + PORT, (short) endpoint.port());
        return switch (endpoint.family()) {
            case IPV4 -> {
                memory.set(JAVA_SHORT_UNALIGNED, offset + FAMILY, (short) Libc.AF_INET);
                memory.set(NET_INT, offset + IN_ADDR, endpoint.ipv4Address());
                memory.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8, 0L);
                yield IN_BYTES;
            }
            case IPV6 -> {
                memory.set(JAVA_SHORT_UNALIGNED, offset + FAMILY, (short) Libc.AF_INET6);
                memory.set(JAVA_INT_UNALIGNED, offset + IN6_FLOWINFO, 0);
                memory.set(NET_LONG, offset + IN6_ADDR, endpoint.addressHigh());
                memory.set(NET_LONG, offset + IN6_ADDR + 8, endpoint.addressLow());
                memory.set(JAVA_INT_UNALIGNED, offset + IN6_SCOPE_ID, endpoint.scopeId());
                yield IN6_BYTES;
            }
        };
    }
}
