package org.jntp.ntpq;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A connected UDP socket, as ntpq uses one: a refused port shows as an error on receive. */
public final class UdpControlTransport implements ControlTransport {
    private static final int MAX_DATAGRAM = 2048;

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    private UdpControlTransport(DatagramSocket socket) {
        this.socket = socket;
    }

    /** A socket connected to the server. */
    public static UdpControlTransport open(InetSocketAddress server) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.connect(server);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return new UdpControlTransport(socket);
    }

    @Override
    public void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length));
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
