package org.jntp.ntpq;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.RequestParse;

/** A server in memory: answers each request with the datagrams a function gives, or stays silent, or refuses. */
final class FakeServer implements ControlTransport, ControlTransport.Factory {
    private final Function<ControlRequest, List<byte[]>> answers;
    private final boolean refusing;
    private final List<ControlRequest> requests = new ArrayList<>();
    private final List<byte[]> datagrams = new ArrayList<>();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

    private FakeServer(Function<ControlRequest, List<byte[]>> answers, boolean refusing) {
        this.answers = answers;
        this.refusing = refusing;
    }

    static FakeServer answering(Function<ControlRequest, List<byte[]>> answers) {
        return new FakeServer(answers, false);
    }

    static FakeServer silent() {
        return new FakeServer(request -> List.of(), false);
    }

    static FakeServer refusing() {
        return new FakeServer(request -> List.of(), true);
    }

    List<ControlRequest> requests() {
        return requests;
    }

    /** The requests as sent, octet for octet. */
    List<byte[]> datagrams() {
        return datagrams;
    }

    @Override
    public ControlTransport open(java.net.InetSocketAddress server) {
        return this;
    }

    @Override
    public void send(byte[] datagram) {
        ControlRequest request = ((RequestParse.Parsed) ControlRequest.parse(ByteBuffer.wrap(datagram))).request();
        requests.add(request);
        datagrams.add(datagram.clone());
        pending.addAll(answers.apply(request));
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws IOException {
        if (refusing) {
            throw new PortUnreachableException("ICMP Port Unreachable");
        }
        return Optional.ofNullable(pending.poll());
    }

    @Override
    public void close() {
        pending.clear();
    }
}
