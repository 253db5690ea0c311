package org.jntp.leap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.jntp.leap.LeapFileResult.Loaded;

/** Shared test inputs: times, the real leap-seconds.list, and signed hand-made lists. */
final class LeapFixtures {
    /** The last leap so far: 2016-12-31T23:59:60, TAI − UTC 37 s from 2017-01-01. */
    static final long LAST_LEAP_NANOS = nanos("2017-01-01T00:00:00Z");

    private LeapFixtures() {}

    static long nanos(String isoInstant) {
        Instant instant = Instant.parse(isoInstant);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Debian tzdata 2025b's copy of the IERS list (expires 2026-06-28). */
    static String iersText() {
        try (InputStream in = LeapFixtures.class.getResourceAsStream("leap-seconds.list")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LeapTable iersTable() {
        return ((Loaded) LeapSecondsFile.parse(iersText())).table();
    }

    /** {@code body} with a {@code #h} line appended that matches it, words without leading zeros as NIST writes them. */
    static String signed(String body) {
        StringBuilder digits = new StringBuilder();
        for (String line : body.split("\n")) {
            boolean hashed = line.startsWith("#$") || line.startsWith("#@")
                    || (!line.isEmpty() && Character.isDigit(line.charAt(0)));
            if (hashed) {
                String data = line.startsWith("#") ? line.substring(2) : line;
                int comment = data.indexOf('#');
                digits.append((comment < 0 ? data : data.substring(0, comment)).replaceAll("[^0-9]", ""));
            }
        }
        byte[] hash = sha1(digits.toString());
        StringBuilder line = new StringBuilder("#h\t");
        for (int w = 0; w < 5; w++) {
            int word = ((hash[4 * w] & 0xFF) << 24) | ((hash[4 * w + 1] & 0xFF) << 16)
                    | ((hash[4 * w + 2] & 0xFF) << 8) | (hash[4 * w + 3] & 0xFF);
            line.append(w == 0 ? "" : " ").append(Integer.toHexString(word));
        }
        return body + line + "\n";
    }

    private static byte[] sha1(String digits) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(digits.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
