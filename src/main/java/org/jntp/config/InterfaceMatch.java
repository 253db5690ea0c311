package org.jntp.config;

import java.util.OptionalInt;
import org.jntp.server.access.IpAddress;

/** Which local addresses an interface line applies to. */
public sealed interface InterfaceMatch {
    /** A class of addresses. */
    enum Kind {
        ALL,
        IPV4,
        IPV6,
        WILDCARD
    }

    /** Every address of a class: {@code all}, {@code ipv4}, {@code ipv6} or {@code wildcard}. */
    record Every(Kind kind) implements InterfaceMatch {}

    /** The addresses of a network interface, by name (e.g. eth0). */
    record Name(String name) implements InterfaceMatch {}

    /** One address, or with a prefix length the addresses in that network. */
    record Address(IpAddress address, OptionalInt prefixLength) implements InterfaceMatch {}
}
