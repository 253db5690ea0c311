package org.jntp.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void deliversADatagramToASocketFile() throws Throwable {
        NotifySocket socket = socket(dir.resolve("notify").toString());
        try (UnixDatagramReceiver receiver = UnixDatagramReceiver.bind(socket, WAIT)) {
            Optional<String> failure = UnixDatagram.send(socket.sockaddr(), "READY=1".getBytes(StandardCharsets.US_ASCII));

            assertThat(failure).isEmpty();
            assertThat(receiver.receive()).contains("READY=1");
        }
    }

    @Test
    void deliversADatagramToAnAbstractSocket() throws Throwable {
        NotifySocket socket = socket("@jntp-test-notify-" + ProcessHandle.current().pid());
        try (UnixDatagramReceiver receiver = UnixDatagramReceiver.bind(socket, WAIT)) {
            UnixDatagram.send(socket.sockaddr(), "STOPPING=1".getBytes(StandardCharsets.US_ASCII));

            assertThat(receiver.receive()).contains("STOPPING=1");
        }
    }

    @Test
    void saysWhyADatagramCannotBeSent() {
        NotifySocket nobody = socket(dir.resolve("nobody-listens").toString());

        Optional<String> failure = UnixDatagram.send(nobody.sockaddr(), "READY=1".getBytes(StandardCharsets.US_ASCII));

        assertThat(failure).hasValueSatisfying(text -> assertThat(text).startsWith("sendto: No such file or directory"));
    }

    private static NotifySocket socket(String name) {
        return ((NotifySocket.Parse.Ok) NotifySocket.parse(Optional.of(name))).socket();
    }
}
