package org.jntp.daemon.net;

import java.net.InetAddress;

/**
 * One address configured on a local network interface: what ntpd's {@code interface} rules
 * match by interface name, address or prefix.
 *
 * @param interfaceName  e.g. "lo", "eth0"
 * @param interfaceIndex the kernel's index of the interface
 * @param address        the address itself
 * @param prefixLength   the network prefix length, e.g. 8 for 127.0.0.1/8
 * @param loopback       whether the interface is a loopback interface
 * @param up             whether the interface is up
 */
public record LocalAddress(String interfaceName, int interfaceIndex, InetAddress address, int prefixLength,
                           boolean loopback, boolean up) {
}
