package org.jntp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;

/**
 * A UDP relay that loses packets, for {@link FaultIT}: the machine has no netem, nft or iptables.
 * It takes NTP requests on ADDRESS:123 and forwards each to SERVER:123 with probability 1 - LOSS,
 * and each reply back to the client that sent last, with the same probability; a Random seeded
 * with SEED each way makes a run's losses repeatable. {@code scripts/peers/start-relay.sh} starts
 * it in a test namespace and bounds its life. It writes PIDFILE once bound, and its counts to
 * standard output when it ends.
 *
 * <p>Each datagram it keeps leaves {@link #RESIDENCE} after the kernel received it, whichever way
 * it goes. A relay that forwarded as soon as it woke would delay requests more than replies: its
 * thread wakes for a request after seconds idle, on a machine measured waking such a thread
 * 5-25 ms late, and for the reply a moment later, well under a millisecond late; the client
 * would take half that difference for an offset. The wait ends in a spin, as a timed sleep may
 * overrun by milliseconds too. What the relay cannot take out is how long its own send takes on
 * such a machine before the datagram reaches the driver: 1.5-3 ms after seconds of quiet, against
 * microseconds back to back. So how late the latest datagram left each way, by the kernel's
 * transmit stamp, is reported with the counts.
 */
final class LossyRelay {
    private static final int NTP_PORT = 123;
    private static final int MAX_DATAGRAM = 2048;
    /** Longer than the latest wake seen; the round trip through the relay is twice this. */
    private static final Duration RESIDENCE = Duration.ofMillis(50);
    /** How long before a datagram is due its thread stops sleeping and spins. */
    private static final Duration SPIN = Duration.ofMillis(30);
    private static final int WARM_UP_ROUNDS = 50;
    private static final int WARM_UP_BYTES = 48;
    private static final Duration WARM_UP_SPIN = Duration.ofMillis(1);
    /** Kernel receive and transmit stamps, no receive timeout: the relay lives until killed. */
    private static final UdpSocketOptions SOCKET_OPTIONS = UdpSocketOptions.defaults().withPacketInfo(false)
            .withTransmitTimestamps(true).withReceiveTimeout(Duration.ZERO);

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
        UdpSocket front = UdpSocket.open(new InetSocketAddress(address, NTP_PORT), SOCKET_OPTIONS);
        UdpSocket back = UdpSocket.open(new InetSocketAddress(address, 0), SOCKET_OPTIONS);
        warmUp(front);
        warmUp(back);
        AtomicReference<InetSocketAddress> client = new AtomicReference<>();
        Leg toServer = new Leg("to server", front, back, client::set, () -> server, new Random(seed), lossProbability);
        Leg toClient = new Leg("to client", back, front, sender -> {}, client::get, new Random(seed + 1),
                lossProbability);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(toServer + "; " + toClient)));
        Files.writeString(Path.of(args[4]), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Thread.ofPlatform().name("relay-to-client").start(toClient);
        toServer.run();
    }

    /**
     * Runs the forwarding path a few times, the socket sending to itself: the first use of a native
     * call links it, which took 0.86 s once, and the first datagrams of a test would leave that late.
     */
    private static void warmUp(UdpSocket socket) throws IOException {
        try (ReceiveBatch inbox = ReceiveBatch.allocate(1, MAX_DATAGRAM);
                SendBatch outbox = SendBatch.allocate(1, MAX_DATAGRAM)) {
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                outbox.clear();
                outbox.setLength(outbox.add(Endpoint.of(socket.localAddress())), WARM_UP_BYTES);
                Leg.spinUntil(LinuxClockGettime.realtimeNanos() + WARM_UP_SPIN.toNanos());
                socket.send(outbox);
                socket.transmitTimeNanos(inbox);
                socket.receive(inbox);
            }
        }
    }

    /** One direction: receives on one socket, and sends what it keeps from the other when it is due. */
    private static final class Leg implements Runnable {
        private final String name;
        private final UdpSocket from;
        private final UdpSocket to;
        private final Consumer<InetSocketAddress> senderSeen;
        private final Supplier<InetSocketAddress> destination;
        private final Random random;
        private final double lossProbability;
        private final AtomicLong forwarded = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong latestNanos = new AtomicLong();

        /** @param destination where to send what it keeps: empty (null) until a client was seen */
        Leg(String name, UdpSocket from, UdpSocket to, Consumer<InetSocketAddress> senderSeen,
                Supplier<InetSocketAddress> destination, Random random, double lossProbability) {
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
            try (ReceiveBatch inbox = ReceiveBatch.allocate(1, MAX_DATAGRAM);
                    ReceiveBatch stamps = ReceiveBatch.allocate(1, MAX_DATAGRAM);
                    SendBatch outbox = SendBatch.allocate(1, MAX_DATAGRAM)) {
                while (true) {
                    if (from.receive(inbox) == 1) {
                        forward(inbox, outbox, stamps);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void forward(ReceiveBatch inbox, SendBatch outbox, ReceiveBatch stamps) throws IOException {
            long dueNanos = inbox.receiveTimeNanos(0) + RESIDENCE.toNanos();
            senderSeen.accept(inbox.sourceAddress(0));
            InetSocketAddress target = destination.get();
            if (target == null || random.nextDouble() < lossProbability) {
                dropped.incrementAndGet();
                return;
            }
            outbox.clear();
            int slot = outbox.add(Endpoint.of(target));
            outbox.payload(slot).put(inbox.payload(0));
            outbox.setLength(slot, inbox.length(0));
            long spunNanos = spinUntil(dueNanos);
            to.send(outbox);
            long leftNanos = to.transmitTimeNanos(stamps);
            latestNanos.accumulateAndGet(leftNanos != 0 ? leftNanos - dueNanos : spunNanos, Math::max);
            forwarded.incrementAndGet();
        }

        /**
         * Returns how long after {@code dueNanos} (CLOCK_REALTIME) the wait ended: the lateness
         * where the kernel stamps nothing.
         */
        private static long spinUntil(long dueNanos) {
            long sleepNanos = dueNanos - SPIN.toNanos() - LinuxClockGettime.realtimeNanos();
            if (sleepNanos > 0) {
                LockSupport.parkNanos(sleepNanos);
            }
            long now;
            while ((now = LinuxClockGettime.realtimeNanos()) < dueNanos) {
                Thread.onSpinWait();
            }
            return now - dueNanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: forwarded %d, dropped %d, latest %.0f us late", name,
                    forwarded.get(), dropped.get(), latestNanos.get() / 1e3);
        }
    }
}
