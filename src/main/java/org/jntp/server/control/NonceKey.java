package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.control.NonceProof;

/**
 * The nonces that make {@code ntpq mrulist} prove its address before it gets a long answer, as
 * ntpd's {@code generate_nonce} and {@code validate_nonce} do: the receive time as an NTP
 * timestamp and 32 bits derived from it and the client's address and port with a secret key,
 * written as 24 hex digits. A nonce is good for {@link #VALID_NANOS} and only from the address
 * and port it was sent to, so a spoofed request never gets more than a short error or nothing.
 * HMAC-SHA-256 stands in for ntpd's salted MD5.
 */
public final class NonceKey {
    /** How long a nonce is accepted after it was issued (ntpd's 16 s). */
    public static final long VALID_NANOS = 16_000_000_000L;

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    /** A key of 16 or more secret random octets. */
    public NonceKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("nonce key of " + key.length + " octets: 16 or more needed");
        }
        this.key = key.clone();
    }

    /** The nonce for {@code client}, issued at {@code nowNanos} (Unix ns, the served clock). */
    public String issue(InetSocketAddress client, long nowNanos) {
        long bits = NtpTimestamp.bitsOfUnixNanos(nowNanos);
        return String.format("%016x%08x", bits, derive(bits, client));
    }

    /** Whether {@code nonce} was issued to {@code client} less than {@link #VALID_NANOS} before {@code nowNanos}. */
    public boolean accepts(String nonce, InetSocketAddress client, long nowNanos) {
        Optional<byte[]> octets = hex(nonce);
        if (octets.isEmpty()) {
            return false;
        }
        ByteBuffer parts = ByteBuffer.wrap(octets.get());
        long bits = parts.getLong();
        int derived = parts.getInt();
        long ageNanos = nowNanos - NtpTimestamp.unixNanosOfBits(bits, nowNanos);
        return derived == derive(bits, client) && ageNanos >= 0 && ageNanos < VALID_NANOS;
    }

    private static Optional<byte[]> hex(String nonce) {
        if (nonce.length() != NonceProof.NONCE_DIGITS || !nonce.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(nonce));
    }

    private int derive(long timestampBits, InetSocketAddress client) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] address = client.getAddress().getAddress();
            ByteBuffer input = ByteBuffer.allocate(Long.BYTES + address.length + Short.BYTES);
            input.putLong(timestampBits).put(address).putShort((short) client.getPort());
            return ByteBuffer.wrap(mac.doFinal(input.array())).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
