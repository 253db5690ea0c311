package org.jntp.daemon;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/** Event logs for tests that run daemon parts but do not read what those log. */
public final class TestLogs {
    private TestLogs() {}

    /** A log whose lines go nowhere. */
    public static EventLog silent() {
        return new EventLog(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                System::currentTimeMillis, ZoneOffset.UTC, 1, 0);
    }
}
