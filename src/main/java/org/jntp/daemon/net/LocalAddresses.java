package org.jntp.daemon.net;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Lists the addresses of this host's network interfaces, as the JDK enumerates them. */
public final class LocalAddresses {
    private LocalAddresses() {}

    /**
     * Every address of every interface, in the kernel's interface order. An address on an alias
     * such as "eth0:1" is listed once, under the alias name (the JDK also reports it on "eth0").
     */
    public static List<LocalAddress> list() throws SocketException {
        List<LocalAddress> addresses = new ArrayList<>();
        for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            addTo(addresses, networkInterface);
        }
        return List.copyOf(addresses);
    }

    private static void addTo(List<LocalAddress> addresses, NetworkInterface networkInterface) throws SocketException {
        List<NetworkInterface> aliases = networkInterface.subInterfaces().toList();
        Set<InetAddress> onAliases = aliases.stream()
                .flatMap(NetworkInterface::inetAddresses)
                .collect(Collectors.toSet());
        boolean loopback = networkInterface.isLoopback();
        boolean up = networkInterface.isUp();
        for (InterfaceAddress address : networkInterface.getInterfaceAddresses()) {
            if (!onAliases.contains(address.getAddress())) {
                addresses.add(new LocalAddress(networkInterface.getName(), networkInterface.getIndex(),
                        address.getAddress(), address.getNetworkPrefixLength(), loopback, up));
            }
        }
        for (NetworkInterface alias : aliases) {
            addTo(addresses, alias);
        }
    }
}
