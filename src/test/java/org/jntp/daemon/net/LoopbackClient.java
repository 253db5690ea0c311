package org.jntp.daemon.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A JDK datagram channel on a loopback address, playing the NTP client in tests. */
final class LoopbackClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 5000;

    private final DatagramChannel channel;

    private LoopbackClient(DatagramChannel channel) {
        this.channel = channel;
    }

    static LoopbackClient on(InetAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(address, 0));
        channel.socket().setSoTimeout(TIMEOUT_MILLIS);
        return new LoopbackClient(channel);
    }

    static LoopbackClient onIpv4() throws IOException {
        return on(InetAddress.getByName("127.0.0.1"));
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void send(String text, SocketAddress to) throws IOException {
        send(text.getBytes(StandardCharsets.US_ASCII), to);
    }

    void send(byte[] payload, SocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(payload), to);
    }

    /** Waits (up to a few seconds) for one datagram. */
    DatagramPacket receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        channel.socket().receive(packet);
        return packet;
    }

    String receiveText() throws IOException {
        DatagramPacket packet = receive();
        return new String(Arrays.copyOf(packet.getData(), packet.getLength()), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
