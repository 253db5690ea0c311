package org.jntp.daemon.net;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The layout of ancillary data: a sequence of {@code struct cmsghdr} (size_t cmsg_len, int
 * cmsg_level, int cmsg_type, then data), each starting at an 8-byte boundary (CMSG_ALIGN).
 */
final class ControlMessages {
    private ControlMessages() {}

    static final long HEADER_BYTES = 16;
    private static final long LEVEL = 8;
    private static final long TYPE = 12;

    /** CMSG_SPACE of a {@code struct timespec}. */
    static final int TIMESTAMP_SPACE = 32;
    /** CMSG_SPACE of the larger packet-info struct, {@code struct in6_pktinfo} (20 bytes). */
    static final int PKTINFO_SPACE = 40;
    /** CMSG_SPACE of a {@code struct scm_timestamping}: three timespecs, the software stamp first. */
    static final int TIMESTAMPING_SPACE = 64;
    /**
     * CMSG_SPACE of what comes with a stamp from the error queue: a {@code struct sock_extended_err}
     * (16 bytes) and the offender's address, as large as a {@code sockaddr_in6} (28 bytes).
     */
    static final int EXTENDED_ERROR_SPACE = 64;

    /** in_pktinfo: int ipi_ifindex; in_addr ipi_spec_dst; in_addr ipi_addr. */
    static final long IN_PKTINFO_IFINDEX = 0;
    static final long IN_PKTINFO_ADDR = 8;
    /** in6_pktinfo: in6_addr ipi6_addr; unsigned ipi6_ifindex. */
    static final long IN6_PKTINFO_ADDR = 0;
    static final long IN6_PKTINFO_IFINDEX = 16;

    static long align(long bytes) {
        return (bytes + 7) & -8L;
    }

    static long length(MemorySegment memory, long offset) {
        return memory.get(JAVA_LONG, offset);
    }

    static int level(MemorySegment memory, long offset) {
        return memory.get(JAVA_INT, offset + LEVEL);
    }

    static int type(MemorySegment memory, long offset) {
        return memory.get(JAVA_INT, offset + TYPE);
    }

    static boolean isPacketInfo(int level, int type) {
        return (level == Libc.IPPROTO_IP && type == Libc.IP_PKTINFO)
                || (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_PKTINFO);
    }
}
