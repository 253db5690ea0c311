package org.jntp.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifySocketTest {

    @Test
    void anUnsetVariableMeansNobodyToTell() {
        assertThat(NotifySocket.parse(Optional.empty())).isEqualTo(new NotifySocket.Parse.Absent());
    }

    @Test
    void anEmptyVariableMeansNobodyToTell() {
        assertThat(NotifySocket.parse(Optional.of(""))).isEqualTo(new NotifySocket.Parse.Absent());
    }

    @Test
    void aPathIsSentToWithItsTerminatingNul() {
        NotifySocket socket = ok("/run/systemd/notify");

        assertThat(socket.isAbstract()).isFalse();
        assertThat(socket.sockaddr()).containsExactly(concat(new byte[] {1, 0}, "/run/systemd/notify\0"));
    }

    @Test
    void anAtSignNamesAnAbstractSocketWithoutTerminatingNul() {
        NotifySocket socket = ok("@/org/freedesktop/systemd1/notify/42");

        assertThat(socket.isAbstract()).isTrue();
        assertThat(socket.sockaddr()).containsExactly(concat(new byte[] {1, 0}, "\0/org/freedesktop/systemd1/notify/42"));
    }

    @Test
    void aRelativePathIsInvalid() {
        assertThat(NotifySocket.parse(Optional.of("run/notify"))).isEqualTo(new NotifySocket.Parse.Invalid(
                "NOTIFY_SOCKET=run/notify: neither an absolute path nor an abstract @name"));
    }

    @Test
    void aPathLongerThanASocketAddressIsInvalid() {
        String path = "/" + "x".repeat(107);

        assertThat(NotifySocket.parse(Optional.of(path))).isEqualTo(
                new NotifySocket.Parse.Invalid("NOTIFY_SOCKET=" + path + ": longer than a socket address can hold"));
    }

    @Test
    void theLongestPathASocketAddressHoldsIsValid() {
        assertThat(ok("/" + "x".repeat(106)).sockaddr()).hasSize(110);
    }

    private static NotifySocket ok(String value) {
        return ((NotifySocket.Parse.Ok) NotifySocket.parse(Optional.of(value))).socket();
    }

    private static byte[] concat(byte[] family, String path) {
        byte[] text = path.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(family, family.length + text.length);
        System.arraycopy(text, 0, all, family.length, text.length);
        return all;
    }
}
