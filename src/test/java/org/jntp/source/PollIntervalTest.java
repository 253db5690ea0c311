package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.source.Exchange.SECOND;
import static org.jntp.source.Exchange.START_MONO_NANOS;

import org.junit.jupiter.api.Test;

class PollIntervalTest {
    private final Exchange exchange = Exchange.withFlags();
    private final ClientSource source = exchange.source;

    /** Answers with the server's own poll exponent instead of echoing ours. */
    private void pollAndAnswerWithPoll(int serverPollLog2) {
        long sent = source.nextPollMonoNanos();
        Request request = exchange.pollAt(sent);
        long serverNanos = Exchange.clockNanos(sent) + Exchange.ONE_WAY_NANOS;
        exchange.deliver(PacketBuilder.replyTo(request, serverNanos, serverNanos).poll(serverPollLog2), request,
                sent + 2 * Exchange.ONE_WAY_NANOS);
    }

    private long intervalAfterNextPoll() {
        long sent = exchange.pollAndAnswer();
        return source.nextPollMonoNanos() - sent;
    }

    @Test
    void pollsEveryMinpollAtFirst() {
        exchange.pollWhenDue();

        assertThat(source.nextPollMonoNanos()).isEqualTo(START_MONO_NANOS + 64 * SECOND);
    }

    @Test
    void stretchesEachIntervalByUpTo255Over4096() {
        Exchange jittered = new Exchange(new PollSettings(6, 10, 4, false, false, false), 255);

        jittered.pollWhenDue();

        assertThat(jittered.source.nextPollMonoNanos() - START_MONO_NANOS).isEqualTo(67_984_375_000L);
    }

    @Test
    void takesTheSystemPollAtTheNextReachablePoll() {
        exchange.pollAndAnswer();
        source.setSystemPoll(8);

        assertThat(intervalAfterNextPoll()).isEqualTo(256 * SECOND);
        assertThat(source.hostPollLog2()).isEqualTo(8);
    }

    @Test
    void clampsTheSystemPollToMaxpoll() {
        exchange.pollAndAnswer();
        source.setSystemPoll(14);

        exchange.pollAndAnswer();

        assertThat(source.hostPollLog2()).isEqualTo(10);
    }

    @Test
    void clampsTheSystemPollToMinpoll() {
        exchange.pollAndAnswer();
        source.setSystemPoll(3);

        exchange.pollAndAnswer();

        assertThat(source.hostPollLog2()).isEqualTo(6);
    }

    @Test
    void ignoresTheSystemPollWhileUnreachable() {
        source.setSystemPoll(8);

        exchange.pollUnanswered();

        assertThat(source.hostPollLog2()).isEqualTo(6);
    }

    @Test
    void startsWithMaxpollAsPeerPoll() {
        assertThat(source.peerPollLog2()).isEqualTo(10);
    }

    @Test
    void takesTheServersPollAsPeerPollButNotBelowMinpoll() {
        pollAndAnswerWithPoll(7);
        int seven = source.peerPollLog2();
        pollAndAnswerWithPoll(4);

        assertThat(seven).isEqualTo(7);
        assertThat(source.peerPollLog2()).isEqualTo(6);
    }

    @Test
    void pollsAtThePeerPollWhenShorterThanTheHostPoll() {
        exchange.pollAndAnswer();
        source.setSystemPoll(10);

        long sent = source.nextPollMonoNanos();
        pollAndAnswerWithPoll(6);

        assertThat(source.hostPollLog2()).isEqualTo(10);
        assertThat(source.nextPollMonoNanos() - sent).isEqualTo(64 * SECOND);
    }

    @Test
    void appliesTheSystemPollAtOnceToTheSystemPeer() {
        exchange.pollAndAnswer();
        source.setSystemPoll(10);
        long sent = exchange.pollAndAnswer();

        source.updateAsSystemPeer(6, sent + SECOND);

        assertThat(source.hostPollLog2()).isEqualTo(6);
        assertThat(source.nextPollMonoNanos() - sent).isEqualTo(64 * SECOND);
    }
}
