package org.jntp.daemon.net;

/** The address family of a socket or an endpoint. */
public enum IpFamily {
    IPV4,
    IPV6
}
