package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.source.Exchange.SECOND;

import org.jntp.protocol.KissCode;
import org.jntp.protocol.NtpTimestamp;
import org.junit.jupiter.api.Test;

class KissOfDeathTest {
    private final Exchange exchange = Exchange.withFlags();
    private final ClientSource source = exchange.source;

    /** Polls once, answered, so the source is reachable; then polls again and returns that request's send time. */
    private long reachableAndPolling() {
        exchange.pollAndAnswer();
        return source.nextPollMonoNanos();
    }

    @Test
    void reportsTheKiss() {
        long sent = reachableAndPolling();

        assertThat(exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 6, sent))
                .isEqualTo(new Reply.KissOfDeath(KissCode.RATE));
    }

    @Test
    void raisesMinpollToTheServersPollOnRateKiss() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 8, sent);

        assertThat(source.minPollLog2()).isEqualTo(8);
        assertThat(source.hostPollLog2()).isEqualTo(8);
    }

    @Test
    void honoursARateKissAboveMaxpoll() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 12, sent);

        assertThat(source.hostPollLog2()).isEqualTo(12);
    }

    @Test
    void backsOffOnRateKiss() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 8, sent);

        assertThat(source.nextPollMonoNanos() - sent).isGreaterThanOrEqualTo(256 * SECOND);
    }

    @Test
    void keepsPollingAtTheRaisedMinpollAfterRateKiss() {
        long sent = reachableAndPolling();
        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 8, sent);

        long next = exchange.pollAndAnswer();

        assertThat(source.nextPollMonoNanos() - next).isGreaterThanOrEqualTo(256 * SECOND);
    }

    @Test
    void postponesTheNextPollOnRateKissAtOurOwnPoll() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 6, sent);

        assertThat(source.minPollLog2()).isEqualTo(6);
        // the headway ntpd fills would wait 130 s; its [Bug 3592] cap is 1.5 poll intervals
        assertThat(source.nextPollMonoNanos() - sent).isEqualTo(96 * SECOND);
    }

    @Test
    void doesNotCountARateKissAsReachability() {
        long sent = source.nextPollMonoNanos();

        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 6, sent);

        assertThat(source.reach()).isZero();
    }

    @Test
    void stopsPollingOnDenyKiss() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.DENY, 6, sent);

        assertThat(source.isDenied()).isTrue();
        assertThat(source.nextPollMonoNanos()).isEqualTo(Long.MAX_VALUE);
        long muchLater = sent + 100_000 * SECOND;
        assertThat(source.poll(muchLater, Exchange.clockNanos(muchLater), exchange.random)).isEmpty();
    }

    @Test
    void stopsPollingOnRstrKiss() {
        long sent = reachableAndPolling();

        exchange.kiss(exchange.pollAt(sent), KissCode.RSTR, 6, sent);

        assertThat(source.isDenied()).isTrue();
    }

    /** A kiss whose origin is our real send time, what an off-path forger would guess, not the random bits we sent. */
    private Reply spoofedKiss(KissCode code, int pollLog2) {
        long sent = reachableAndPolling();
        Request request = exchange.pollAt(sent);
        NtpTimestamp guess = NtpTimestamp.ofUnixNanos(Exchange.clockNanos(sent));
        return exchange.deliver(PacketBuilder.kiss(request, code, pollLog2).origin(guess), request, sent);
    }

    @Test
    void rejectsASpoofedDenyKiss() {
        Reply reply = spoofedKiss(KissCode.DENY, 6);

        assertThat(reply).isEqualTo(Reply.Rejected.of(RejectReason.BOGUS));
        assertThat(source.isDenied()).isFalse();
    }

    @Test
    void rejectsASpoofedRateKiss() {
        spoofedKiss(KissCode.RATE, 12);

        assertThat(source.minPollLog2()).isEqualTo(6);
    }

    @Test
    void treatsOtherKissCodesAsUnsynchronizedReplies() {
        long sent = source.nextPollMonoNanos();

        Reply reply = exchange.kiss(exchange.pollAt(sent), KissCode.INIT, 6, sent);

        assertThat(reply).isEqualTo(new Reply.KissOfDeath(KissCode.INIT));
        assertThat(source.reach()).isZero();
        assertThat(source.isDenied()).isFalse();
        assertThat(source.nextPollMonoNanos() - sent).isEqualTo(64 * SECOND);
    }

    @Test
    void countsKissesOfDeath() {
        long sent = source.nextPollMonoNanos();
        exchange.kiss(exchange.pollAt(sent), KissCode.INIT, 6, sent);
        sent = source.nextPollMonoNanos();
        exchange.kiss(exchange.pollAt(sent), KissCode.RATE, 6, sent);

        assertThat(source.counters().kissOfDeath()).isEqualTo(2);
    }
}
