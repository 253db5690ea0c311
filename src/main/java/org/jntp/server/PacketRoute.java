package org.jntp.server;

/** Who takes a datagram that arrived at the NTP port. */
public enum PacketRoute {
    /** The server: it answers clients, and symmetric active packets from strangers. */
    SERVER,
    /** The client core: a symmetric packet from a configured peer, for that peer's association. */
    PEER
}
