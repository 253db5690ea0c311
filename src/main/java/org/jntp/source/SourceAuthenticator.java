package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.jntp.auth.KeyRing;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;

/**
 * Symmetric-key authentication of an association's packets ({@code server ... key N},
 * {@code peer ... key N}), as ntpd's peer_xmit() signs and receive() checks them: every packet we
 * send carries the MAC of the key, and a packet from the source counts only when it carries a MAC
 * of that same key that verifies (ntpd's TEST5). A key the keys file lacks, or that
 * {@code trustedkey} does not name, signs nothing, so no packet goes out (ntpd's "no key").
 */
final class SourceAuthenticator {
    /** What the MAC of a packet from the source says. */
    enum Verdict {
        /** A MAC of the association's key that verifies. */
        AUTHENTIC,
        /** No MAC, a MAC of another key, one that does not verify, or a key we cannot use. */
        BAD,
        /** A crypto-NAK: the source could not authenticate our request. */
        CRYPTO_NAK,
        /** Not an NTP time packet: the association judges it, and rejects it, as it judges any such. */
        MALFORMED
    }

    /** Why an association's key cannot be used, for the log. */
    enum KeyProblem {
        /** The keys file has no key of that identifier. */
        MISSING,
        /** {@code trustedkey} does not name it. */
        UNTRUSTED;

        /** The log line's words for key {@code keyId}. */
        String describe(int keyId) {
            return switch (this) {
                case MISSING -> "key " + keyId + " is not in the keys file: sending nothing to it";
                case UNTRUSTED -> "key " + keyId + " is not trusted (trustedkey): sending nothing to it";
            };
        }
    }

    private SourceAuthenticator() {}

    /** What is wrong with key {@code keyId} for signing and checking, if anything. */
    static Optional<KeyProblem> problem(int keyId, KeyRing keys) {
        if (keys.key(keyId).isEmpty()) {
            return Optional.of(KeyProblem.MISSING);
        }
        return keys.isTrusted(keyId) ? Optional.empty() : Optional.of(KeyProblem.UNTRUSTED);
    }

    /** The 48-octet {@code packet} with the MAC of key {@code keyId} appended; empty when the key cannot be used. */
    static Optional<byte[]> sign(byte[] packet, int keyId, KeyRing keys) {
        if (problem(keyId, keys).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(NtpMac.append(packet, NtpHeader.LENGTH, keys.key(keyId).orElseThrow()));
    }

    /** Judges the MAC of the first {@code length} octets of {@code datagram} against key {@code keyId}. */
    static Verdict verify(byte[] datagram, int length, int keyId, KeyRing keys) {
        return switch (NtpPacket.check(ByteBuffer.wrap(datagram, 0, length), length)) {
            case VALID_WITH_MAC -> verifyMac(datagram, length, keyId, keys);
            case VALID_WITH_CRYPTO_NAK -> Verdict.CRYPTO_NAK;
            case VALID, VALID_WITH_EXTENSIONS -> Verdict.BAD;
            case CONTROL_OR_PRIVATE, TOO_SHORT, UNSUPPORTED_VERSION, LENGTH_NOT_MULTIPLE_OF_4, BAD_EXTENSION_LENGTH,
                 TRUNCATED_EXTENSION, BAD_MAC_LENGTH -> Verdict.MALFORMED;
        };
    }

    private static Verdict verifyMac(byte[] datagram, int length, int keyId, KeyRing keys) {
        int macKeyId = ByteBuffer.wrap(datagram).getInt(NtpHeader.LENGTH);
        Optional<SymmetricKey> key = keys.key(keyId);
        if (macKeyId != keyId || key.isEmpty() || !keys.isTrusted(keyId)) {
            return Verdict.BAD;
        }
        byte[] digest = Arrays.copyOfRange(datagram, NtpHeader.LENGTH + NtpMac.KEY_ID_LENGTH, length);
        return NtpMac.verify(key.get(), datagram, 0, NtpHeader.LENGTH, digest) ? Verdict.AUTHENTIC : Verdict.BAD;
    }
}
