package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One address the daemon serves on, as ntpq's {@code ifstats} shows it (ntpd's endpoint): what
 * the daemon's sockets on it received and sent since they were bound.
 *
 * @param name the interface's name, e.g. "lo"
 * @param address the address and port bound
 * @param enabled false for an {@code interface drop} address, whose packets are read and dropped
 * @param flags ntpd's {@code INT_*} bits, see {@link #flagsOf}
 * @param received datagrams received
 * @param sent datagrams sent
 * @param sendErrors datagrams the kernel would not send
 * @param uptimeSeconds seconds since the address was bound
 */
public record InterfaceStats(String name, InetSocketAddress address, boolean enabled, int flags, long received,
        long sent, long sendErrors, long uptimeSeconds) {
    /** ntpd's {@code INT_UP}. */
    public static final int UP = 0x001;
    /** ntpd's {@code INT_LOOPBACK}. */
    public static final int LOOPBACK = 0x004;

    /** Requires a name and an address. */
    public InterfaceStats {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /**
     * The {@code INT_*} bits of an address that is up; the broadcast and multicast bits stay clear,
     * as we use neither.
     */
    public static int flagsOf(boolean loopback) {
        return UP | (loopback ? LOOPBACK : 0);
    }
}
