package org.jntp.daemon;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.jntp.config.InterfaceAction;
import org.jntp.config.InterfaceMatch;
import org.jntp.config.InterfaceRule;
import org.jntp.daemon.net.LocalAddress;
import org.jntp.server.access.AddressMask;
import org.jntp.server.access.IpAddress;

/**
 * Which local addresses the daemon opens, by ntpd's {@code interface} rules: every address is
 * listened on unless a rule says otherwise, the last matching rule wins, and {@code all} matches
 * neither loopback nor wildcard addresses (ntp_io.c interface_action()).
 */
public final class ListenPlan {
    private ListenPlan() {}

    /** An address to open, and whether what arrives on it is served or dropped. */
    public record Listen(LocalAddress address, InterfaceAction action) {}

    /** The addresses to open, in the order given, without the ignored ones; interfaces that are down are skipped. */
    public static List<Listen> plan(List<LocalAddress> addresses, List<InterfaceRule> rules) {
        List<Listen> plan = new ArrayList<>();
        for (LocalAddress address : addresses) {
            if (!address.up()) {
                continue;
            }
            InterfaceAction action = InterfaceAction.LISTEN;
            for (InterfaceRule rule : rules) {
                if (matches(rule.match(), address)) {
                    action = rule.action();
                }
            }
            if (action != InterfaceAction.IGNORE) {
                plan.add(new Listen(address, action));
            }
        }
        return plan;
    }

    private static boolean matches(InterfaceMatch match, LocalAddress local) {
        boolean ipv4 = local.address() instanceof Inet4Address;
        return switch (match) {
            case InterfaceMatch.Every every -> switch (every.kind()) {
                case ALL -> !local.loopback();
                case IPV4 -> ipv4;
                case IPV6 -> !ipv4;
                case WILDCARD -> false;
            };
            case InterfaceMatch.Name name -> name.name().equals(local.interfaceName());
            case InterfaceMatch.Address address -> {
                IpAddress ip = IpAddress.of(local.address());
                AddressMask mask = address.prefixLength().isPresent()
                        ? AddressMask.prefix(address.address(), address.prefixLength().getAsInt())
                        : AddressMask.host(address.address());
                yield mask.contains(ip);
            }
        };
    }
}
