package org.jntp.daemon.net;

import java.time.Duration;

/**
 * How {@link UdpSocket#open} sets up a socket.
 *
 * @param reusePort          SO_REUSEPORT: several sockets (one per receive thread) share the address
 * @param reuseAddress       SO_REUSEADDR
 * @param kernelTimestamps   SO_TIMESTAMPNS: the kernel stamps each datagram on arrival
 * @param packetInfo         IP_PKTINFO / IPV6_RECVPKTINFO, used only on a wildcard address: learn
 *                           each datagram's destination so its reply leaves from that address
 * @param receiveBufferBytes SO_RCVBUF, or 0 for the kernel default (the kernel caps it at rmem_max)
 * @param sendBufferBytes    SO_SNDBUF, or 0 for the kernel default (the kernel caps it at wmem_max)
 * @param receiveTimeout     SO_RCVTIMEO: the longest a receive waits for a first datagram before
 *                           returning none, so the receiving loop can notice a shutdown; zero waits
 *                           forever
 */
public record UdpSocketOptions(boolean reusePort, boolean reuseAddress, boolean kernelTimestamps,
                               boolean packetInfo, int receiveBufferBytes, int sendBufferBytes,
                               Duration receiveTimeout) {

    public UdpSocketOptions {
        if (receiveBufferBytes < 0 || sendBufferBytes < 0) {
            throw new IllegalArgumentException("buffer sizes must not be negative");
        }
        if (receiveTimeout.isNegative()) {
            throw new IllegalArgumentException("receiveTimeout must not be negative: " + receiveTimeout);
        }
    }

    /** No address sharing, kernel timestamps and packet info on, kernel buffer sizes, 1 s receive timeout. */
    public static UdpSocketOptions defaults() {
        return new UdpSocketOptions(false, false, true, true, 0, 0, Duration.ofSeconds(1));
    }

    public UdpSocketOptions withReusePort(boolean on) {
        return new UdpSocketOptions(on, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout);
    }

    public UdpSocketOptions withReuseAddress(boolean on) {
        return new UdpSocketOptions(reusePort, on, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout);
    }

    public UdpSocketOptions withKernelTimestamps(boolean on) {
        return new UdpSocketOptions(reusePort, reuseAddress, on, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout);
    }

    public UdpSocketOptions withPacketInfo(boolean on) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, on, receiveBufferBytes,
                sendBufferBytes, receiveTimeout);
    }

    public UdpSocketOptions withReceiveBufferBytes(int bytes) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, bytes,
                sendBufferBytes, receiveTimeout);
    }

    public UdpSocketOptions withSendBufferBytes(int bytes) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                bytes, receiveTimeout);
    }

    public UdpSocketOptions withReceiveTimeout(Duration timeout) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, timeout);
    }
}
