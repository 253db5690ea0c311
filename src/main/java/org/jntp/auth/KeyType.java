package org.jntp.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The MAC algorithm of a key, as the keys file and ntpq's {@code keytype} name it.
 */
public enum KeyType {
    /** MD5 of key then message, 16 octets. */
    MD5("MD5", 16),
    /** SHA-1 of key then message, 20 octets. */
    SHA1("SHA1", 20),
    /** SHA-256 of key then message, 32 octets, sent cut to 20. */
    SHA256("SHA256", 32),
    /** AES-128-CMAC of the message (RFC 4493), 16 octets. */
    AES128CMAC("AES128CMAC", 16);

    /** ntpd's {@code MAX_MDG_LEN}: longer digests are cut to this many octets on the wire. */
    public static final int MAX_DIGEST_LENGTH = 20;

    private final String text;
    private final int fullLength;

    KeyType(String text, int fullLength) {
        this.text = text;
        this.fullLength = fullLength;
    }

    /** The name ntpd prints ({@code keytype_name}), e.g. {@code "MD5"}, {@code "AES128CMAC"}. */
    public String text() {
        return text;
    }

    /** Octets the algorithm produces, before any cut. */
    public int fullLength() {
        return fullLength;
    }

    /** Octets of digest on the wire: the full length, cut to {@link #MAX_DIGEST_LENGTH}. */
    public int digestLength() {
        return Math.min(fullLength, MAX_DIGEST_LENGTH);
    }

    /**
     * The type a keys file or ntpq's {@code keytype} names, as ntpd 4.2.8's
     * {@code keytype_from_text} reads it: case does not matter; MD5, SHA1, SHA256 and AES128CMAC by
     * their OpenSSL names, NTPsec's {@code AES} and {@code AES-128} for AES128CMAC, and any other
     * word starting with M for MD5 (old files write {@code M}). Empty for anything else, including
     * {@code SHA}, which names SHA-0 and which neither ntpd on OpenSSL 3 nor NTPsec can compute.
     */
    public static Optional<KeyType> fromText(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "MD5" -> Optional.of(MD5);
            case "SHA1" -> Optional.of(SHA1);
            case "SHA256" -> Optional.of(SHA256);
            case "AES128CMAC", "AES", "AES-128" -> Optional.of(AES128CMAC);
            default -> upper.startsWith("M") ? Optional.of(MD5) : Optional.empty();
        };
    }
}
