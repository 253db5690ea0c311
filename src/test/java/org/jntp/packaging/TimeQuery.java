package org.jntp.packaging;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A bare mode 3 request to a daemon on a loopback port, asked again until it answers. */
final class TimeQuery {
    private static final int TRIES = 60;
    private static final int WAIT_MILLIS = 500;

    private TimeQuery() {}

    /** The first answer within 30 s, or empty; asks no more once {@code alive} turns false. */
    static Optional<byte[]> awaitAnswer(int port, BooleanSupplier alive) throws IOException {
        byte[] request = new byte[48];
        request[0] = 0x23; // LI 0, version 4, mode 3
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            socket.setSoTimeout(WAIT_MILLIS);
            DatagramPacket reply = new DatagramPacket(new byte[128], 128);
            for (int tries = 0; tries < TRIES && alive.getAsBoolean(); tries++) {
                socket.send(new DatagramPacket(request, request.length, loopback, port));
                try {
                    socket.receive(reply);
                    return Optional.of(Arrays.copyOf(reply.getData(), reply.getLength()));
                } catch (SocketTimeoutException notYet) {
                    // still starting
                }
            }
        }
        return Optional.empty();
    }
}
