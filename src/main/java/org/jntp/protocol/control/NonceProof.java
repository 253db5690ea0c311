package org.jntp.protocol.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A nonce at the head of a request's data, {@code nonce=HEX, } before what the request asks, by
 * which a client on another host shows jntp that it receives at its address (it got the nonce
 * there by REQ_NONCE) before it gets an answer longer than its request. READ_MRU requests start
 * with their nonce in the same way in ntpq 4.2.8 and NTPsec.
 *
 * @param nonce the nonce, as the server wrote it
 * @param rest the data after it and the separator that follows it
 */
public record NonceProof(String nonce, byte[] rest) {
    /** The variable REQ_NONCE answers with. */
    public static final String NAME = "nonce";
    /** The nonce's length: ntpd writes three 32-bit words in hex. */
    public static final int NONCE_DIGITS = 24;
    /**
     * The data a REQ_NONCE request carries so that it is as long as its answer ({@code nonce=HEX}
     * and a line end after the header), which jntp sends to another host only then.
     */
    public static final int NONCE_REQUEST_PADDING = NAME.length() + 1 + NONCE_DIGITS + 2;

    private static final byte[] PREFIX = (NAME + "=").getBytes(StandardCharsets.ISO_8859_1);
    private static final String SEPARATOR = ", ";

    /** Checks the nonce's form and copies the rest. */
    public NonceProof {
        Objects.requireNonNull(nonce, "nonce");
        if (!isNonce(nonce)) {
            throw new IllegalArgumentException("not a nonce: " + nonce);
        }
        rest = rest.clone();
    }

    /** The octets of request data of {@code dataLength} octets with a nonce in front. */
    public static int prefixedLength(int dataLength) {
        return PREFIX.length + NONCE_DIGITS + (dataLength == 0 ? 0 : SEPARATOR.length()) + dataLength;
    }

    /** The request data with the nonce in front. */
    public static byte[] prefix(String nonce, byte[] data) {
        byte[] head = (NAME + "=" + nonce + (data.length == 0 ? "" : SEPARATOR)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        return all;
    }

    /**
     * The nonce the data starts with and what follows it, past a comma and the white space after
     * it; empty when the data does not start with {@code nonce=} and 24 hex digits ending there or
     * at a comma.
     */
    public static Optional<NonceProof> split(byte[] data) {
        int end = PREFIX.length + NONCE_DIGITS;
        if (data.length < end || !Arrays.equals(data, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return Optional.empty();
        }
        String nonce = new String(data, PREFIX.length, NONCE_DIGITS, StandardCharsets.ISO_8859_1);
        if (!isNonce(nonce) || (end < data.length && data[end] != ',')) {
            return Optional.empty();
        }
        int from = end < data.length ? end + 1 : end;
        while (from < data.length && isWhiteSpace(data[from])) {
            from++;
        }
        return Optional.of(new NonceProof(nonce, Arrays.copyOfRange(data, from, data.length)));
    }

    /** The nonce of a REQ_NONCE answer, {@code nonce=HEX} and a line end; empty if it is not one. */
    public static Optional<String> ofAnswer(String text) {
        String line = text.strip();
        String prefix = NAME + "=";
        if (!line.startsWith(prefix) || !isNonce(line.substring(prefix.length()))) {
            return Optional.empty();
        }
        return Optional.of(line.substring(prefix.length()));
    }

    private static boolean isNonce(String text) {
        return text.length() == NONCE_DIGITS && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static boolean isWhiteSpace(byte octet) {
        return octet == ' ' || octet == '\t' || octet == '\r' || octet == '\n';
    }
}
