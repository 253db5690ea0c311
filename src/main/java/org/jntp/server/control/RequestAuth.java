package org.jntp.server.control;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.Mac;
import org.jntp.protocol.control.ControlRequest;

/**
 * What a control request's MAC came to, as ntpd 4.2.8's {@code process_control} judges it, and
 * so how each datagram of the answer ends ({@code ctl_flushpkt}): padded to 8 octets and followed
 * by a MAC whenever the request had one.
 */
sealed interface RequestAuth {
    /** No MAC, or authentication disabled: the answer has no MAC either. */
    record None() implements RequestAuth {}

    /**
     * A MAC with a key not trusted, or not in the keys file: ntpd cannot sign with it
     * ({@code authencrypt} gives nothing), so the answer is only padded to 8 octets.
     */
    record Untrusted(int keyId) implements RequestAuth {}

    /**
     * A trusted key, but the digest is wrong (or the key is missing from the file): the answer
     * carries key ID 0 and no digest, ntpd's crypto-NAK.
     */
    record Failed() implements RequestAuth {}

    /** The digest is right: the answer is signed with the same key. */
    record Verified(SymmetricKey key) implements RequestAuth {}

    /**
     * Judges the MAC of a request.
     *
     * @param datagram the request as received, from its position (left alone)
     */
    static RequestAuth of(ControlRequest request, ByteBuffer datagram, ControlAuth auth) {
        if (request.mac().isEmpty() || !auth.enabled()) {
            return new None();
        }
        Mac mac = request.mac().get();
        if (!auth.keys().isTrusted(mac.keyId())) {
            return new Untrusted(mac.keyId());
        }
        var key = auth.keys().key(mac.keyId());
        if (key.isEmpty()) {
            return new Failed();
        }
        byte[] covered = new byte[request.authenticatedLength()];
        datagram.get(datagram.position(), covered);
        return NtpMac.verify(key.get(), covered, 0, covered.length, mac.digest())
                ? new Verified(key.get()) : new Failed();
    }

    /** Whether the request may change the server: verified with the control key. */
    default boolean permitsControl(OptionalInt controlKey) {
        return this instanceof Verified(SymmetricKey key) && controlKey.isPresent()
                && key.keyId() == controlKey.getAsInt();
    }

    /** One datagram of the answer as sent: as built, or padded to 8 octets and with the MAC after. */
    default byte[] seal(byte[] datagram) {
        int padded = (datagram.length + 7) & ~7;
        return switch (this) {
            case None none -> datagram;
            case Untrusted untrusted -> Arrays.copyOf(datagram, padded);
            case Failed failed -> Arrays.copyOf(datagram, padded + NtpMac.KEY_ID_LENGTH);
            case Verified(SymmetricKey key) -> NtpMac.append(Arrays.copyOf(datagram, padded), padded, key);
        };
    }
}
