package org.jntp.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.jntp.nts.KeRecords;

/** Reads one NTS-KE message, request or response, from a TLS stream: the records up to End of Message. */
final class KeMessages {
    private KeMessages() {}

    /**
     * The message; empty if the stream ends or holds more than {@code maxOctets} first, or the
     * deadline passes, which a peer trickling an octet at a time would otherwise put off.
     */
    static Optional<byte[]> read(InputStream in, int maxOctets, long deadlineNanos) throws IOException {
        byte[] buffer = new byte[maxOctets];
        int length = 0;
        while (length < buffer.length && System.nanoTime() - deadlineNanos < 0) {
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return Optional.empty();
            }
            length += read;
            if (KeRecords.scan(buffer, length) instanceof KeRecords.Complete(int octets)) {
                return Optional.of(Arrays.copyOf(buffer, octets));
            }
        }
        return Optional.empty();
    }
}
