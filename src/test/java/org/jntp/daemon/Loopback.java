package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.server.SystemVariables;

/** What tests of daemons on loopback share: their configuration, a free port, a bounded wait. */
final class Loopback {
    /** The interface lines that keep a daemon on 127.0.0.1. */
    static final String LISTEN_LOOPBACK = """
            interface ignore ipv6
            interface ignore ipv4
            interface listen 127.0.0.1
            """;

    private Loopback() {}

    /** The configuration of {@code text}, which must be valid. */
    static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "test.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    /** A UDP port free on 127.0.0.1 a moment ago. */
    static int freePort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    /** A TCP port free on 127.0.0.1 a moment ago. */
    static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Waits up to {@code millis} for the daemon to serve what {@code done} accepts, failing otherwise. */
    static SystemVariables await(Daemon daemon, Predicate<SystemVariables> done, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        SystemVariables served = daemon.systemVariables();
        while (!done.test(served) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            served = daemon.systemVariables();
        }
        assertThat(served).matches(done, "reached in " + millis + " ms");
        return served;
    }
}
