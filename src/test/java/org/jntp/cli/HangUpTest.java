package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HangUpTest {

    @Test
    void runsTheActionWhenTheProcessGetsSighup() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        HangUp.onSignal(heard::countDown);

        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();

        assertThat(kill.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(heard.await(1, TimeUnit.MINUTES)).isTrue();
    }
}
