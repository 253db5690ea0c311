package org.jntp.sim;

import java.net.InetSocketAddress;

/**
 * A datagram the client sends.
 *
 * @param handle      stands for the fresh source port of the request: the reply comes back with it
 * @param destination the server it goes to
 * @param datagram    the bytes on the wire
 */
public record Outgoing(long handle, InetSocketAddress destination, byte[] datagram) {}
