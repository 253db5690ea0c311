package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.ParseResult;
import org.junit.jupiter.api.Test;

class DateQueryTest {
    private static final long SECOND = 1_000_000_000L;
    /** Our clock's reading at the start (Unix ns), the monotonic clock starting at 0. */
    private static final long CLOCK_START = 1_767_225_600L * SECOND;
    private static final long HALF_RTT = 500_000L;
    private static final DateQuery.Settings FOUR_SAMPLES = DateQuery.Settings.DEFAULTS;

    private static final InetSocketAddress A = server(1);
    private static final InetSocketAddress B = server(2);
    private static final InetSocketAddress C = server(3);

    @Test
    void asksEveryServerAtOnce() {
        DateQuery query = DateQuery.start(List.of(A, B), FOUR_SAMPLES, -20, new FixedRandom(0), 0);

        List<Synchronizer.Transmit> first = query.wake(0, CLOCK_START);

        assertThat(first).extracting(Synchronizer.Transmit::destination).containsExactly(A, B);
    }

    @Test
    void asksAgainOneSecondAfterTheLastRequestOnceAnswered() {
        DateQuery query = DateQuery.start(List.of(A), FOUR_SAMPLES, -20, new FixedRandom(0), 0);
        Synchronizer.Transmit request = query.wake(0, CLOCK_START).getFirst();
        answer(query, request, 0, 0.1);

        assertThat(query.wake(SECOND / 2, clockAt(SECOND / 2))).isEmpty();
        assertThat(query.nextWakeMonoNanos()).isEqualTo(SECOND);
        assertThat(query.wake(SECOND, clockAt(SECOND))).hasSize(1);
    }

    @Test
    void countsAnUnansweredRequestAsLostAtTheTimeout() {
        DateQuery query = DateQuery.start(List.of(A), new DateQuery.Settings(2, 2 * SECOND, 4), -20,
                new FixedRandom(0), 0);
        query.wake(0, CLOCK_START);

        assertThat(query.nextWakeMonoNanos()).isEqualTo(2 * SECOND);
        assertThat(query.wake(2 * SECOND, clockAt(2 * SECOND))).hasSize(1);
        query.wake(4 * SECOND, clockAt(4 * SECOND));

        assertThat(query.done()).isTrue();
        assertThat(query.result(clockAt(4 * SECOND)).servers().getFirst().answered()).isZero();
    }

    @Test
    void isDoneOnceEveryServerHasItsSamples() {
        DateQuery query = DateQuery.start(List.of(A), new DateQuery.Settings(2, 2 * SECOND, 4), -20,
                new FixedRandom(0), 0);
        answer(query, query.wake(0, CLOCK_START).getFirst(), 0, 0.1);
        assertThat(query.done()).isFalse();

        answer(query, query.wake(SECOND, clockAt(SECOND)).getFirst(), SECOND, 0.1);

        assertThat(query.done()).isTrue();
        assertThat(query.nextWakeMonoNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void reportsTheOffsetOfTheSampleWithTheLeastDelay() {
        DateQuery query = DateQuery.start(List.of(A), new DateQuery.Settings(2, 2 * SECOND, 4), -20,
                new FixedRandom(0), 0);
        answer(query, query.wake(0, CLOCK_START).getFirst(), 0, 0.1, 40 * HALF_RTT, 0.010);
        answer(query, query.wake(SECOND, clockAt(SECOND)).getFirst(), SECOND, 0.1);

        DateQuery.Result result = query.result(clockAt(2 * SECOND));

        assertThat(result.servers().getFirst().statistics().offsetSeconds()).isCloseTo(0.1, within(1e-6));
        assertThat(result.servers().getFirst().statistics().delaySeconds()).isCloseTo(2e-3 * 0.5, within(1e-6));
        assertThat(result.chosen()).hasValue(0);
    }

    @Test
    void choosesAmongTheServersThatAgreeAndNotTheFalseticker() {
        DateQuery query = DateQuery.start(List.of(A, B, C), new DateQuery.Settings(1, 2 * SECOND, 4), -20,
                new FixedRandom(0), 0);
        List<Synchronizer.Transmit> requests = query.wake(0, CLOCK_START);
        answer(query, requests.get(0), 0, 0.5);
        answer(query, requests.get(1), 0, 0.0001);
        answer(query, requests.get(2), 0, 0.0002);

        DateQuery.Result result = query.result(clockAt(SECOND));

        assertThat(result.chosen()).isPresent();
        assertThat(result.chosen().getAsInt()).isIn(1, 2);
    }

    @Test
    void choosesNoServerThatSaysItIsUnsynchronized() {
        DateQuery query = DateQuery.start(List.of(A), new DateQuery.Settings(1, 2 * SECOND, 4), -20,
                new FixedRandom(0), 0);
        Synchronizer.Transmit request = query.wake(0, CLOCK_START).getFirst();
        NtpHeader reply = PacketBuilder.replyTo(asRequest(request), CLOCK_START, CLOCK_START)
                .leap(LeapIndicator.UNSYNCHRONIZED).stratum(16).header();
        deliver(query, request, reply, HALF_RTT * 2);
        query.wake(2 * SECOND, clockAt(2 * SECOND));

        assertThat(query.done()).isTrue();
        assertThat(query.result(clockAt(2 * SECOND)).chosen()).isEmpty();
    }

    @Test
    void stopsAskingAServerThatDenies() {
        DateQuery query = DateQuery.start(List.of(A), FOUR_SAMPLES, -20, new FixedRandom(0), 0);
        Synchronizer.Transmit request = query.wake(0, CLOCK_START).getFirst();
        deliver(query, request, PacketBuilder.kiss(asRequest(request), KissCode.DENY, 6).header(), HALF_RTT * 2);

        assertThat(query.done()).isTrue();
        DateQuery.Result result = query.result(clockAt(SECOND));
        assertThat(result.servers().getFirst().kiss()).contains(KissCode.DENY);
        assertThat(result.chosen()).isEmpty();
    }

    @Test
    void ignoresAReplyToAnotherRequest() {
        DateQuery query = DateQuery.start(List.of(A), FOUR_SAMPLES, -20, new FixedRandom(0), 0);
        Synchronizer.Transmit request = query.wake(0, CLOCK_START).getFirst();

        query.receive(request.handle() + 1, new byte[48], 48, CLOCK_START, HALF_RTT);

        assertThat(query.result(CLOCK_START).servers().getFirst().answered()).isZero();
    }

    /** The server, offsetSeconds ahead of our clock, answers after a symmetric round trip of 1 ms. */
    private static void answer(DateQuery query, Synchronizer.Transmit request, long sentMonoNanos,
            double offsetSeconds) {
        answer(query, request, sentMonoNanos, offsetSeconds, HALF_RTT, 0);
    }

    /**
     * The server answers after {@code oneWayNanos} each way, its reply further delayed on the way
     * back by {@code extraReturnSeconds}.
     */
    private static void answer(DateQuery query, Synchronizer.Transmit request, long sentMonoNanos,
            double offsetSeconds, long oneWayNanos, double extraReturnSeconds) {
        long serverNanos = clockAt(sentMonoNanos) + oneWayNanos + Math.round(offsetSeconds * 1e9);
        NtpHeader reply = PacketBuilder.replyTo(asRequest(request), serverNanos, serverNanos).header();
        deliver(query, request, reply, sentMonoNanos + 2 * oneWayNanos + Math.round(extraReturnSeconds * 1e9));
    }

    private static void deliver(DateQuery query, Synchronizer.Transmit request, NtpHeader reply, long arrivalMonoNanos) {
        ByteBuffer bytes = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.encode(bytes);
        query.receive(request.handle(), bytes.array(), NtpHeader.LENGTH, clockAt(arrivalMonoNanos), arrivalMonoNanos);
    }

    private static Request asRequest(Synchronizer.Transmit transmit) {
        ParseResult parsed = NtpPacket.parse(ByteBuffer.wrap(transmit.datagram()));
        return new Request(0, ((ParseResult.Parsed) parsed).packet().header(), false);
    }

    /** Our clock runs with the monotonic clock. */
    private static long clockAt(long monoNanos) {
        return CLOCK_START + monoNanos;
    }

    private static InetSocketAddress server(int last) {
        return new InetSocketAddress("192.0.2." + last, 123);
    }
}
