package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.source.Exchange.SECOND;
import static org.jntp.source.Exchange.START_MONO_NANOS;

import java.util.ArrayList;
import java.util.List;
import org.jntp.config.AssociationFlag;
import org.junit.jupiter.api.Test;

class BurstTest {

    /** Polls and answers every request until the next poll is {@code horizonNanos} away or more; returns the send times. */
    private static List<Long> volley(Exchange exchange, long horizonNanos) {
        List<Long> sent = new ArrayList<>();
        do {
            sent.add(exchange.pollAndAnswer());
        } while (exchange.source.nextPollMonoNanos() - sent.getLast() < horizonNanos);
        return sent;
    }

    /** The first poll of an iburst source and the volley its reply starts, answered; returns the send times. */
    private static List<Long> iburstVolley(Exchange exchange) {
        List<Long> sent = new ArrayList<>();
        for (int packet = 0; packet < PollProcess.IBURST_PACKETS; packet++) {
            sent.add(exchange.pollAndAnswer());
        }
        return sent;
    }

    @Test
    void sendsIburstVolleyWithDoublingGapsFromTheFirstPoll() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);

        List<Long> sent = iburstVolley(exchange);

        long start = START_MONO_NANOS;
        assertThat(sent).containsExactly(start, start + 2 * SECOND, start + 6 * SECOND, start + 14 * SECOND,
                start + 30 * SECOND, start + 62 * SECOND);
    }

    @Test
    void sendsTheStartingVolleyEvenWhenNothingAnswers() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);

        List<Long> sent = new ArrayList<>();
        for (int packet = 0; packet < PollProcess.IBURST_PACKETS; packet++) {
            sent.add(exchange.pollUnanswered());
        }

        assertThat(sent.getLast() - sent.getFirst()).isEqualTo(62 * SECOND);
    }

    @Test
    void keepsPollingOnTheScheduleTheVolleyInterrupted() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);

        iburstVolley(exchange);

        // as ntpd's: minpoll (jittered by up to 255/4096) after the poll that found the source, plus
        // its 2 s guard for the headway
        assertThat(exchange.source.nextPollMonoNanos())
                .isBetween(START_MONO_NANOS + 66 * SECOND, START_MONO_NANOS + 66 * SECOND + 64 * SECOND * 255 / 4096);
    }

    @Test
    void countsAnAnsweredVolleyAsOutOnceItsLastPacketLeaves() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);
        for (int packet = 0; packet < PollProcess.IBURST_PACKETS - 1; packet++) {
            exchange.pollAndAnswer();
        }
        assertThat(exchange.source.answeredVolleyOut()).isFalse();

        exchange.pollAndAnswer();

        assertThat(exchange.source.answeredVolleyOut()).isTrue();
    }

    @Test
    void neverCountsAVolleyNothingAnsweredAsOut() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);

        for (int packet = 0; packet < 3 * PollProcess.IBURST_PACKETS; packet++) {
            exchange.pollUnanswered();
        }

        assertThat(exchange.source.answeredVolleyOut()).isFalse();
    }

    @Test
    void sendsOnePacketAPollWithoutIburst() {
        Exchange exchange = Exchange.withFlags();

        exchange.pollAndAnswer();

        assertThat(exchange.source.nextPollMonoNanos()).isEqualTo(START_MONO_NANOS + 64 * SECOND);
    }

    @Test
    void sendsNoIburstVolleyWhileReachable() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);
        iburstVolley(exchange);
        exchange.pollAndAnswer();

        List<Long> sent = volley(exchange, 10 * SECOND);

        assertThat(sent).hasSize(1);
    }

    @Test
    void retriesAtMinpollWhileAnIburstWaitsForItsFirstReply() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.IBURST);
        for (int i = 0; i < 15; i++) {
            exchange.pollUnanswered();
        }

        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long sent = exchange.pollUnanswered();
            intervals.add((exchange.source.nextPollMonoNanos() - sent) / SECOND);
        }

        // the starting volley's headway adds ntpd's 2 s guard
        assertThat(intervals).containsExactly(66L, 66L, 1026L);
    }

    /** The volley at the first poll that finds a {@code burst} source reachable, at this system poll. */
    private static List<Long> reachableBurstVolley(int systemPollLog2) {
        Exchange exchange = Exchange.withFlags(AssociationFlag.BURST);
        exchange.pollAndAnswer();
        exchange.source.setSystemPoll(systemPollLog2);
        return volley(exchange, 60 * SECOND);
    }

    @Test
    void sendsBurstVolleyWhenThePollFindsTheSourceReachable() {
        List<Long> sent = reachableBurstVolley(10);

        assertThat(sent).hasSize(8);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 1)).isGreaterThanOrEqualTo(2 * SECOND);
        }
    }

    @Test
    void sendsNoBurstVolleyToAnUnreachableSource() {
        Exchange exchange = Exchange.withFlags(AssociationFlag.BURST);

        List<Long> sent = volley(exchange, 60 * SECOND);

        assertThat(sent).hasSize(1);
    }

    @Test
    void sendsAShorterBurstVolleyNearMinpoll() {
        assertThat(reachableBurstVolley(7)).hasSize(2);
    }
}
