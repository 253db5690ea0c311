package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.auth.KeyRing;
import org.jntp.config.InterfaceAction;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.LocalAddress;
import org.jntp.daemon.net.LocalAddresses;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;

/**
 * What the daemon opens before it may drop privileges with {@code -u}, as ntpd does: its listening
 * sockets (port 123), its keys (a file only root may read) and, with {@code nts enable}, the NTS-KE
 * server's certificate, key, master keys and sockets. No thread runs yet, so that every
 * thread the daemon starts afterwards has the identity and capabilities the drop left.
 */
public final class Preopened implements AutoCloseable {
    /** Server threads per listening address; SO_REUSEPORT spreads clients over them. */
    static final int THREADS_PER_ADDRESS = threadsPerAddress(Runtime.getRuntime().availableProcessors());

    /**
     * One address served: a socket per server thread.
     *
     * @param index the number ntpd's "Listen normally on" line gives it
     * @param drop whether packets to it are read and dropped ({@code interface drop})
     * @param boundMonoNanos when it was bound, on {@link System#nanoTime()}'s scale, for ifstats
     */
    record Bound(int index, LocalAddress local, InetSocketAddress address, boolean drop, List<UdpSocket> sockets,
            long boundMonoNanos) {}

    private final List<Bound> bound;
    private final KeyRing keys;
    private final Optional<NtsService> nts;

    private Preopened(List<Bound> bound, KeyRing keys, Optional<NtsService> nts) {
        this.bound = bound;
        this.keys = keys;
        this.nts = nts;
    }

    /**
     * One server thread per two cpus, from one to four: the kernel spends about as much cpu time on a
     * datagram's way in and out (softirq) as the thread does answering it, so a thread per cpu leaves
     * the threads waiting for each other's cpu. On 2 cpus under a closed-loop load, one thread
     * answered 1.13 times chronyd's rate at 0.89 of its cpu per answer, two threads 0.93 times at 1.00
     * (bench/server-rate.sh, 2026-11-27).
     */
    static int threadsPerAddress(int cpus) {
        return Math.clamp(cpus / 2, 1, 4);
    }

    /**
     * Binds the addresses the configuration's interface lines select on port, logging each as
     * ntpd does, reads the keys file and opens the NTS service.
     *
     * @throws IOException when no address could be bound, or the keys file or NTS files are unusable
     */
    public static Preopened open(NtpConfig config, int port, EventLog log) throws IOException {
        UdpSocketOptions options = UdpSocketOptions.defaults().withReusePort(true).withReceiveTimeout(Duration.ZERO)
                .withTrafficClass(config.misc().trafficClass());
        List<Bound> bound = new ArrayList<>();
        for (ListenPlan.Listen listen : ListenPlan.plan(LocalAddresses.list(), config.interfaceRules())) {
            LocalAddress local = listen.address();
            InetSocketAddress address = new InetSocketAddress(local.address(), port);
            List<UdpSocket> sockets = new ArrayList<>();
            long boundMonoNanos = System.nanoTime();
            try {
                for (int i = 0; i < THREADS_PER_ADDRESS; i++) {
                    sockets.add(UdpSocket.open(address, options));
                }
            } catch (IOException e) {
                sockets.forEach(UdpSocket::close);
                log.info("cannot listen on " + local.interfaceName() + " " + display(address) + ": " + e.getMessage());
                continue;
            }
            boolean drop = listen.action() == InterfaceAction.DROP;
            log.info((drop ? "Listen and drop on " : "Listen normally on ") + bound.size() + " "
                    + local.interfaceName() + " " + display(address));
            bound.add(new Bound(bound.size(), local, address, drop, List.copyOf(sockets), boundMonoNanos));
        }
        if (bound.isEmpty()) {
            throw new IOException("no address to listen on: check the interface lines of the configuration");
        }
        try {
            KeyRing keys = KeysFileReader.load(config.auth(), log);
            List<InetSocketAddress> served = bound.stream().filter(b -> !b.drop()).map(Bound::address).toList();
            return new Preopened(List.copyOf(bound), keys, NtsService.open(config.nts(), served, port, log));
        } catch (IOException e) {
            closeAll(bound);
            throw e;
        }
    }

    List<Bound> bound() {
        return bound;
    }

    KeyRing keys() {
        return keys;
    }

    /** The NTS service of {@code nts enable}, if it runs. */
    Optional<NtsService> nts() {
        return nts;
    }

    /** Closes the sockets: for a daemon that never started; a started one closes them as its threads end. */
    @Override
    public void close() {
        closeAll(bound);
        nts.ifPresent(NtsService::close);
    }

    private static void closeAll(List<Bound> bound) {
        bound.forEach(address -> address.sockets().forEach(UdpSocket::close));
    }

    private static String display(InetSocketAddress address) {
        return Endpoint.of(address).toString();
    }
}
