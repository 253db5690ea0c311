package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.jntp.clock.Clock;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.ThisHostSources;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerOutcome;
import org.jntp.server.control.ControlServer;

/**
 * One server thread: takes every queued request from its socket with one system call, answers
 * them with one more, and otherwise sleeps in the kernel. Allocates nothing per time request; a
 * configured peer's symmetric packet is copied and handed to the client thread instead, and a
 * control (mode 6) request, which is rare, is answered from the control state the client thread
 * published, in as many datagrams as its answer takes.
 *
 * <p>Basic replies are stamped right before the {@code sendmmsg}; the clock read right after it
 * returns is kept as when each time reply of the batch left, for interleaved clients. That is not
 * the kernel's transmit timestamp (which would need the socket's error queue read per packet), but
 * it is past the copy into the kernel and the loopback or driver's queue.
 */
final class ServerLoop implements Runnable {
    /** Requests taken per system call; more gains nothing measurable at 200k requests/s. */
    static final int BATCH = 64;
    /** Room for a request with extension fields (NTS cookies) and a MAC; longer ones are malformed for us. */
    static final int MAX_DATAGRAM = 1280;

    private final UdpSocket socket;
    private final NtpServer server;
    private final Clock clock;
    private final PeerInbox peers;
    private final ControlServer control;
    private final ThisHostSources thisHost;
    private final SocketCounters socketCounters;
    private final boolean dropAll;
    private final EventLog log;
    private final Consumer<String> failed;
    private final int[] basicReplies = new int[BATCH];
    private final int[] timeReplies = new int[BATCH];
    private final long[] clientHigh = new long[BATCH];
    private final long[] clientLow = new long[BATCH];
    private int stamped;
    private int timed;
    private volatile boolean running = true;

    /**
     * @param peers   takes the symmetric packets of configured peers for the client thread
     * @param control answers mode 6 requests
     * @param thisHost tells the sources on this host, which mode 6 answers in full without a nonce
     * @param socketCounters this thread's counts of datagrams in and out, for ntpq's ifstats
     * @param dropAll true for an {@code interface drop} address: read and discard, never answer
     * @param failed told why, should the thread fail: the daemon then stops rather than run on unheard
     */
    ServerLoop(UdpSocket socket, NtpServer server, Clock clock, PeerInbox peers, ControlServer control,
            ThisHostSources thisHost, SocketCounters socketCounters, boolean dropAll, EventLog log,
            Consumer<String> failed) {
        this.socket = socket;
        this.server = server;
        this.clock = clock;
        this.peers = peers;
        this.control = control;
        this.thisHost = thisHost;
        this.socketCounters = socketCounters;
        this.dropAll = dropAll;
        this.log = log;
        this.failed = failed;
    }

    /** Asks the thread to finish; it returns from {@link #run} promptly, even if idle. */
    void stop() {
        running = false;
        socket.wakeUp();
    }

    @Override
    public void run() {
        try (ReceiveBatch requests = ReceiveBatch.allocate(BATCH, MAX_DATAGRAM);
             SendBatch replies = SendBatch.allocate(BATCH, MAX_DATAGRAM)) {
            while (running) {
                int count = socket.receive(requests);
                if (count > 0) {
                    socketCounters.received(count);
                }
                if (count > 0 && !dropAll) {
                    answer(requests, count, replies);
                }
            }
        } catch (IOException e) {
            log.info("server on " + socket.localAddress() + " stopped: " + e.getMessage());
        } catch (RuntimeException e) {
            String reason = "server on " + socket.localAddress() + " failed: " + e;
            log.info(reason);
            failed.accept(reason);
        } finally {
            socket.close();
        }
    }

    private void answer(ReceiveBatch requests, int count, SendBatch replies) throws IOException {
        long monotonicNanos = System.nanoTime();
        replies.clear();
        stamped = 0;
        timed = 0;
        for (int i = 0; i < count; i++) {
            if (requests.truncated(i)) {
                server.refuseOversized();
                continue;
            }
            ByteBuffer request = requests.payload(i);
            long kernelNanos = requests.receiveTimeNanos(i);
            long receiveNanos = kernelNanos != 0 ? clock.fromSystemNanos(kernelNanos) : clock.nowNanos();
            long high = requests.sourceAddressHigh(i);
            long low = requests.sourceAddressLow(i);
            int port = requests.sourcePort(i);
            switch (peers.route(request, high, low, port)) {
                case SERVER -> { }
                case PEER -> {
                    // an ignored peer's packet goes on to the server, which drops and counts it
                    if (!server.ignores(high, low, port)) {
                        peers.deliver(requests.sourceAddress(i), request, receiveNanos);
                        continue;
                    }
                }
            }
            int slot = nextSlot(requests, i, replies);
            ByteBuffer reply = replies.payload(slot);
            ServerOutcome outcome = server.respond(request, high, low, port, receiveNanos, monotonicNanos, reply);
            if (outcome == ServerOutcome.CONTROL || outcome == ServerOutcome.CONTROL_NOMODIFY) {
                replies.removeLast();
                InetSocketAddress source = requests.sourceAddress(i);
                answerControl(requests, i, control.answer(request, source,
                        thisHost.contains(source.getAddress(), monotonicNanos), receiveNanos, monotonicNanos,
                        outcome == ServerOutcome.CONTROL), replies);
                continue;
            }
            if (!outcome.replies()) {
                replies.removeLast();
                continue;
            }
            replies.setLength(slot, reply.limit());
            if (outcome == ServerOutcome.ANSWERED) {
                basicReplies[stamped++] = slot;
            }
            if (outcome == ServerOutcome.ANSWERED || outcome == ServerOutcome.ANSWERED_INTERLEAVED
                    || outcome == ServerOutcome.ANSWERED_AUTHENTICATED) {
                timeReplies[timed] = slot;
                clientHigh[timed] = high;
                clientLow[timed] = low;
                timed++;
            }
        }
        flush(replies);
    }

    /** Queues the datagrams of a control response to request {@code i}, sending what is queued when full. */
    private void answerControl(ReceiveBatch requests, int i, List<byte[]> datagrams, SendBatch replies)
            throws IOException {
        for (byte[] datagram : datagrams) {
            int slot = nextSlot(requests, i, replies);
            replies.payload(slot).put(datagram);
            replies.setLength(slot, datagram.length);
        }
    }

    /**
     * A slot for a reply to request {@code i}, sending what is queued first if the batch is full:
     * a control answer of several datagrams leaves less room than one a request.
     */
    private int nextSlot(ReceiveBatch requests, int i, SendBatch replies) throws IOException {
        if (replies.size() == replies.capacity()) {
            flush(replies);
        }
        return replies.addReply(requests, i);
    }

    /**
     * Stamps the basic replies queued, sends everything queued and keeps when the time replies left;
     * leaves the batch empty.
     */
    private void flush(SendBatch replies) throws IOException {
        if (replies.size() == 0) {
            return;
        }
        long transmitNanos = server.servedNanos(clock.nowNanos(), System.nanoTime());
        for (int i = 0; i < stamped; i++) {
            NtpServer.stampTransmit(replies.payload(basicReplies[i]), transmitNanos);
        }
        socketCounters.sent(replies.size(), socket.send(replies));
        long sentNanos = server.servedNanos(clock.nowNanos(), System.nanoTime());
        for (int i = 0; i < timed; i++) {
            server.transmitted(replies.payload(timeReplies[i]), clientHigh[i], clientLow[i], sentNanos);
        }
        replies.clear();
        stamped = 0;
        timed = 0;
    }
}
