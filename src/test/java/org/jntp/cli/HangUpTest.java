package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HangUpTest {

    @Test
    void runsTheActionWhenTheProcessGetsSighup() throws Exception {
        assumeFalse(InheritedSignals.hangUpIgnored(), "started with SIGHUP ignored (nohup): the JVM takes no handler");
        CountDownLatch heard = new CountDownLatch(1);
        HangUp.onSignal(heard::countDown);

        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();

        assertThat(kill.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(heard.await(1, TimeUnit.MINUTES)).isTrue();
    }
}
