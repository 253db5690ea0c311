package org.jntp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A UDP relay that loses packets, for {@link FaultIT}: the machine has no netem, nft or iptables.
 * It takes NTP requests on ADDRESS:123 and forwards each to SERVER:123 with probability 1 - LOSS,
 * and each reply back to the client that sent last, with the same probability; a Random seeded
 * with SEED each way makes a run's losses repeatable. {@code scripts/peers/start-relay.sh} starts
 * it in a test namespace and bounds its life. It writes PIDFILE once bound, and its counts to
 * standard output when it ends.
 */
final class LossyRelay {
    private static final int NTP_PORT = 123;
    private static final int MAX_DATAGRAM = 2048;

    private LossyRelay() {}

    /** {@code LossyRelay ADDRESS SERVER LOSS SEED PIDFILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: LossyRelay ADDRESS SERVER LOSS SEED PIDFILE");
            System.exit(2);
        }
        InetAddress address = InetAddress.getByName(args[0]);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]), NTP_PORT);
        double lossProbability = Double.parseDouble(args[2]);
        long seed = Long.parseLong(args[3]);
        DatagramSocket front = new DatagramSocket(new InetSocketAddress(address, NTP_PORT));
        DatagramSocket back = new DatagramSocket(new InetSocketAddress(address, 0));
        AtomicReference<SocketAddress> client = new AtomicReference<>();
        Leg toServer = new Leg("to server", front, back, client::set, () -> server, new Random(seed), lossProbability);
        Leg toClient = new Leg("to client", back, front, sender -> {}, client::get, new Random(seed + 1),
                lossProbability);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(toServer + "; " + toClient)));
        Files.writeString(Path.of(args[4]), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Thread.ofPlatform().name("relay-to-client").start(toClient);
        toServer.run();
    }

    /** One direction: receives on one socket, and sends what it keeps from the other. */
    private static final class Leg implements Runnable {
        private final String name;
        private final DatagramSocket from;
        private final DatagramSocket to;
        private final Consumer<SocketAddress> senderSeen;
        private final Supplier<SocketAddress> destination;
        private final Random random;
        private final double lossProbability;
        private final AtomicLong forwarded = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();

        /** @param destination where to send what it keeps: empty (null) until a client was seen */
        Leg(String name, DatagramSocket from, DatagramSocket to, Consumer<SocketAddress> senderSeen,
                Supplier<SocketAddress> destination, Random random, double lossProbability) {
            this.name = name;
            this.from = from;
            this.to = to;
            this.senderSeen = senderSeen;
            this.destination = destination;
            this.random = random;
            this.lossProbability = lossProbability;
        }

        @Override
        public void run() {
            DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
            while (true) {
                packet.setLength(MAX_DATAGRAM);
                try {
                    from.receive(packet);
                    senderSeen.accept(packet.getSocketAddress());
                    SocketAddress target = destination.get();
                    if (target == null || random.nextDouble() < lossProbability) {
                        dropped.incrementAndGet();
                        continue;
                    }
                    to.send(new DatagramPacket(packet.getData(), packet.getLength(), target));
                    forwarded.incrementAndGet();
                } catch (PortUnreachableException e) {
                    // the server is not there (yet): as a router, drop and go on
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public String toString() {
            return name + ": forwarded " + forwarded.get() + ", dropped " + dropped.get();
        }
    }
}
