package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class OutstandingRequestsTest {
    private static final InetSocketAddress A = new InetSocketAddress("192.0.2.1", 123);
    private static final InetSocketAddress B = new InetSocketAddress("192.0.2.2", 123);

    /** Counts its closings. */
    private static final class FakeSocket implements AutoCloseable {
        int closed;

        @Override
        public void close() {
            closed++;
        }
    }

    private final OutstandingRequests<FakeSocket> outstanding = new OutstandingRequests<>();

    @Test
    void keepsOneSocketPerSourceClosingTheOneANewRequestReplaces() {
        FakeSocket first = new FakeSocket();
        FakeSocket second = new FakeSocket();

        outstanding.sent(1, A, first);
        outstanding.sent(2, A, second);

        assertThat(first.closed).isEqualTo(1);
        assertThat(second.closed).isZero();
        assertThat(outstanding.sockets()).containsExactly(second);
    }

    @Test
    void findsTheRequestASocketSent() {
        FakeSocket socket = new FakeSocket();
        outstanding.sent(7, A, socket);
        outstanding.sent(8, B, new FakeSocket());

        assertThat(outstanding.bySocket(socket)).hasValueSatisfying(request -> {
            assertThat(request.handle()).isEqualTo(7);
            assertThat(request.destination()).isEqualTo(A);
        });
    }

    @Test
    void closesTheSocketOnceItsReplyIsTaken() {
        FakeSocket socket = new FakeSocket();
        outstanding.sent(7, A, socket);

        outstanding.finish(outstanding.bySocket(socket).orElseThrow());

        assertThat(socket.closed).isEqualTo(1);
        assertThat(outstanding.size()).isZero();
        assertThat(outstanding.bySocket(socket)).isEmpty();
    }

    @Test
    void leavesANewerRequestAloneWhenAnOlderOneFinishes() {
        FakeSocket older = new FakeSocket();
        FakeSocket newer = new FakeSocket();
        outstanding.sent(1, A, older);
        OutstandingRequests.Request<FakeSocket> first = outstanding.bySocket(older).orElseThrow();
        outstanding.sent(2, A, newer);

        outstanding.finish(first);

        assertThat(older.closed).isEqualTo(1);
        assertThat(newer.closed).isZero();
        assertThat(outstanding.sockets()).containsExactly(newer);
    }

    @Test
    void closesEverySocketAtShutdown() {
        FakeSocket a = new FakeSocket();
        FakeSocket b = new FakeSocket();
        outstanding.sent(1, A, a);
        outstanding.sent(2, B, b);

        outstanding.closeAll();

        assertThat(a.closed + b.closed).isEqualTo(2);
        assertThat(outstanding.sockets()).isEmpty();
    }
}
