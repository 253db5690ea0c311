package org.jntp.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jntp.clock.SimulatedClock;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseResult;

/**
 * The simplest client that keeps time, to show the harness measures a converging clock: polls
 * every server of its ntp.conf every 64 s, steps the clock by the first reply's offset and marks
 * it synchronised, then slews by each new offset and moves the frequency by half the rate at
 * which that server's offsets build up, shared among the servers. Not the daemon's client core.
 */
public final class SteppingClient implements SimulatedClient {

    static final long POLL_NANOS = 64_000_000_000L;
    private static final double FREQUENCY_GAIN = 0.5;

    private final SimulatedClock clock;
    private final List<InetSocketAddress> servers;
    private final long[] nextPollNanos;
    private final Map<Long, Long> originBitsByHandle = new HashMap<>();
    private long nextHandle;
    private boolean stepped;
    private final long[] lastReplyNanos;
    private double freqPpm;

    private SteppingClient(RunSetup setup) {
        this.clock = setup.clock();
        this.servers = serversOf(setup.ntpConf());
        this.nextPollNanos = new long[servers.size()];
        this.lastReplyNanos = new long[servers.size()];
        this.freqPpm = setup.driftPpm().orElse(0);
        clock.setFrequency(freqPpm);
    }

    /** Makes one per run. */
    public static ClientFactory factory() {
        return SteppingClient::new;
    }

    private static List<InetSocketAddress> serversOf(String ntpConf) {
        return ntpConf.lines().map(line -> line.split(" ")).filter(words -> words[0].equals("server"))
                .map(words -> new InetSocketAddress(InetAddress.ofLiteral(words[1]), 123)).toList();
    }

    @Override
    public long nextWakeNanos() {
        return Arrays.stream(nextPollNanos).min().orElse(Long.MAX_VALUE);
    }

    @Override
    public List<Outgoing> wake(long nowNanos) {
        List<Outgoing> requests = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (nextPollNanos[i] <= nowNanos) {
                long originBits = NtpTimestamp.bitsOfUnixNanos(clock.nowNanos());
                ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH);
                NtpHeader.clientRequest(NtpHeader.VERSION, new NtpTimestamp(originBits)).encode(request);
                originBitsByHandle.put(nextHandle, originBits);
                requests.add(new Outgoing(nextHandle++, servers.get(i), request.array()));
                nextPollNanos[i] = nowNanos + POLL_NANOS;
            }
        }
        return requests;
    }

    @Override
    public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
        long t4 = NtpTimestamp.bitsOfUnixNanos(clock.nowNanos());
        Long origin = originBitsByHandle.remove(handle);
        if (origin == null) {
            throw new AssertionError("a reply came back with handle " + handle + ", which no request had");
        }
        NtpHeader reply = switch (NtpPacket.parse(ByteBuffer.wrap(datagram))) {
            case ParseResult.Parsed parsed -> parsed.packet().header();
            case ParseResult.Malformed malformed -> throw new AssertionError("malformed reply " + malformed);
        };
        if (reply.originTime().bits() != origin) {
            throw new AssertionError("the reply's origin time is not its request's transmit time");
        }
        double offsetSeconds = (NtpTimestamp.differenceNanos(reply.receiveTime().bits(), origin)
                + NtpTimestamp.differenceNanos(reply.transmitTime().bits(), t4)) / 2e9;
        int server = servers.indexOf(from);
        if (!stepped) {
            clock.step(offsetSeconds);
            stepped = true;
        } else {
            clock.slew(offsetSeconds);
            if (lastReplyNanos[server] > 0) {
                double sinceSeconds = (nowNanos - lastReplyNanos[server]) / 1e9;
                freqPpm += FREQUENCY_GAIN / servers.size() * offsetSeconds / sinceSeconds * 1e6;
                clock.setFrequency(freqPpm);
            }
        }
        clock.setSynchronized(0.01, 0.001);
        lastReplyNanos[server] = nowNanos;
        return List.of();
    }
}
