package org.jntp.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.daemon.EventLog;
import org.junit.jupiter.api.Test;

class ServiceNotifierTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log =
            new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), () -> 0, ZoneOffset.UTC, 1, 0);
    private final List<String> sent = new ArrayList<>();

    private Optional<String> record(byte[] sockaddr, byte[] message) {
        sent.add(new String(sockaddr, 2, sockaddr.length - 2, StandardCharsets.UTF_8) + " <- "
                + new String(message, StandardCharsets.US_ASCII));
        return Optional.empty();
    }

    @Test
    void sendsReadyToTheNotifySocket() {
        ServiceNotifier notifier = ServiceNotifier.of(Optional.of("/run/systemd/notify"), this::record, log);

        notifier.notify(ServiceState.READY);

        assertThat(sent).containsExactly("/run/systemd/notify\0 <- READY=1");
    }

    @Test
    void sendsStoppingToTheNotifySocket() {
        ServiceNotifier notifier = ServiceNotifier.of(Optional.of("@notify"), this::record, log);

        notifier.notify(ServiceState.STOPPING);

        assertThat(sent).containsExactly("\0notify <- STOPPING=1");
    }

    @Test
    void sendsNothingWithoutANotifySocket() {
        ServiceNotifier notifier = ServiceNotifier.of(Optional.empty(), this::record, log);

        notifier.notify(ServiceState.READY);

        assertThat(sent).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void logsAnUnusableNotifySocketAndSendsNothing() {
        ServiceNotifier notifier = ServiceNotifier.of(Optional.of("notify"), this::record, log);

        notifier.notify(ServiceState.READY);

        assertThat(sent).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains(
                "NOTIFY_SOCKET=notify: neither an absolute path nor an abstract @name;"
                        + " systemd will not hear that ntpd is ready");
    }

    @Test
    void logsAMessageThatCannotBeSentAndGoesOn() {
        ServiceNotifier notifier = ServiceNotifier.of(Optional.of("/run/systemd/notify"),
                (sockaddr, message) -> Optional.of("sendto: Connection refused (errno 111)"), log);

        notifier.notify(ServiceState.READY);

        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains(
                "cannot tell systemd READY=1 on /run/systemd/notify: sendto: Connection refused (errno 111)");
    }
}
