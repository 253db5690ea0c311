package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.source.Exchange.SECOND;

import java.util.ArrayList;
import java.util.List;
import org.jntp.config.AssociationFlag;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
    private final Exchange exchange = Exchange.withFlags();
    private final ClientSource source = exchange.source;

    @Test
    void shiftsTheReachRegisterAtEachPollAndSetsBit0OnAReply() {
        List<Integer> reach = new ArrayList<>();
        for (boolean answered : new boolean[] {true, true, true, false, false, true}) {
            if (answered) {
                exchange.pollAndAnswer();
            } else {
                exchange.pollUnanswered();
            }
            reach.add(source.reach());
        }

        assertThat(reach).containsExactly(01, 03, 07, 016, 034, 071);
    }

    @Test
    void keepsEightPollsInTheReachRegister() {
        for (int i = 0; i < 8; i++) {
            exchange.pollAndAnswer();
        }
        exchange.pollUnanswered();

        assertThat(source.reach()).isEqualTo(0376);
    }

    @Test
    void flagsThePollThatFindsNoReplyInTheLastEight() {
        exchange.pollAndAnswer();
        List<Boolean> unreachable = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            unreachable.add(exchange.pollWhenDue().unreachable());
        }

        assertThat(unreachable).containsExactly(false, false, false, false, false, false, false, true);
    }

    @Test
    void flagsTheFirstPollAsUnreachable() {
        assertThat(exchange.pollWhenDue().unreachable()).isTrue();
    }

    @Test
    void countsPollsSinceOneFoundTheSourceReachable() {
        exchange.pollAndAnswer();
        for (int i = 0; i < 10; i++) {
            exchange.pollUnanswered();
        }

        // the reply's bit leaves the register at the 8th poll after it
        assertThat(source.unreachCount()).isEqualTo(3);
    }

    @Test
    void countsEveryPollOfASourceNeverReached() {
        exchange.pollUnanswered();
        exchange.pollUnanswered();
        exchange.pollUnanswered();

        assertThat(source.unreachCount()).isEqualTo(3);
    }

    @Test
    void keepsCountingWhileReachableWhenPreemptible() {
        Exchange preemptible = Exchange.withFlags(AssociationFlag.PREEMPT);
        preemptible.pollAndAnswer();
        preemptible.pollAndAnswer();
        preemptible.pollAndAnswer();

        assertThat(preemptible.source.unreachCount()).isEqualTo(3);
    }

    @Test
    void raisesTheHostPollAtEachPollFromTheTenthUnanswered() {
        List<Integer> hostPolls = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            exchange.pollUnanswered();
            hostPolls.add(source.hostPollLog2());
        }

        assertThat(hostPolls).containsExactly(6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 8, 9, 10, 10);
    }

    @Test
    void pollsLessOftenWhileUnreachable() {
        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            long sent = exchange.pollUnanswered();
            intervals.add((source.nextPollMonoNanos() - sent) / SECOND);
        }

        assertThat(intervals).containsExactly(64L, 64L, 64L, 64L, 64L, 64L, 64L, 64L, 64L, 128L, 256L, 512L, 1024L,
                1024L);
    }

    @Test
    void returnsToTheSystemPollWhenReachableAgain() {
        for (int i = 0; i < 14; i++) {
            exchange.pollUnanswered();
        }
        exchange.pollAndAnswer();

        exchange.pollWhenDue();

        assertThat(source.hostPollLog2()).isEqualTo(6);
    }
}
