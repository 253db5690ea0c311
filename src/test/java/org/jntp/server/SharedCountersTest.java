package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedCountersTest {
    @Test
    void addsEverySharedCountToTheServerThreadsTotals() {
        ServerCounters thread = new ServerCounters();
        thread.add(Counter.NTS_COOKIE_MADE, 4);
        SharedCounters client = new SharedCounters();
        client.increment(Counter.NTS_CLIENT_SENT);
        SharedCounters keServer = new SharedCounters();
        keServer.add(Counter.NTS_COOKIE_MADE, 8);

        Map<Counter, Long> totals = SharedCounters.sum(ServerCounters.sum(List.of(thread)), List.of(client, keServer));

        assertThat(totals).containsEntry(Counter.NTS_COOKIE_MADE, 12L).containsEntry(Counter.NTS_CLIENT_SENT, 1L)
                .containsEntry(Counter.RECEIVED, 0L).hasSize(Counter.values().length);
    }
}
