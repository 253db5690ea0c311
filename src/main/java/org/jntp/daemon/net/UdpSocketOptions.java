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
 * @param trafficClass       IP_TOS / IPV6_TCLASS of every datagram sent: the DSCP shifted left by
 *                           two; ntpd's default marks NTP as Expedited Forwarding (DSCP 46)
 * @param transmitTimestamps SO_TIMESTAMPING for software transmit stamps: the kernel stamps each
 *                           datagram as it leaves and queues the stamp on the socket's error queue
 *                           ({@link UdpSocket#transmitTimeNanos}); where the kernel refuses
 *                           them the socket opens without
 */
public record UdpSocketOptions(boolean reusePort, boolean reuseAddress, boolean kernelTimestamps,
                               boolean packetInfo, int receiveBufferBytes, int sendBufferBytes,
                               Duration receiveTimeout, int trafficClass, boolean transmitTimestamps) {
    /** DSCP 46, Expedited Forwarding, in the TOS byte: what ntpd sends unless {@code dscp} says otherwise. */
    public static final int EXPEDITED_FORWARDING = 46 << 2;

    public UdpSocketOptions {
        if (receiveBufferBytes < 0 || sendBufferBytes < 0) {
            throw new IllegalArgumentException("buffer sizes must not be negative");
        }
        if (trafficClass < 0 || trafficClass > 0xFF) {
            throw new IllegalArgumentException("trafficClass is one octet: " + trafficClass);
        }
        if (receiveTimeout.isNegative()) {
            throw new IllegalArgumentException("receiveTimeout must not be negative: " + receiveTimeout);
        }
    }

    /**
     * No address sharing, kernel receive timestamps and packet info on, kernel buffer sizes, 1 s
     * receive timeout, sent as Expedited Forwarding, no transmit timestamps.
     */
    public static UdpSocketOptions defaults() {
        return new UdpSocketOptions(false, false, true, true, 0, 0, Duration.ofSeconds(1), EXPEDITED_FORWARDING,
                false);
    }

    public UdpSocketOptions withReusePort(boolean on) {
        return new UdpSocketOptions(on, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withReuseAddress(boolean on) {
        return new UdpSocketOptions(reusePort, on, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withKernelTimestamps(boolean on) {
        return new UdpSocketOptions(reusePort, reuseAddress, on, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withPacketInfo(boolean on) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, on, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withReceiveBufferBytes(int bytes) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, bytes,
                sendBufferBytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withSendBufferBytes(int bytes) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                bytes, receiveTimeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withReceiveTimeout(Duration timeout) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, timeout, trafficClass, transmitTimestamps);
    }

    public UdpSocketOptions withTrafficClass(int octet) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, octet, transmitTimestamps);
    }

    public UdpSocketOptions withTransmitTimestamps(boolean on) {
        return new UdpSocketOptions(reusePort, reuseAddress, kernelTimestamps, packetInfo, receiveBufferBytes,
                sendBufferBytes, receiveTimeout, trafficClass, on);
    }
}
