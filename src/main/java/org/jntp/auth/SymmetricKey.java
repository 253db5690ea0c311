package org.jntp.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * One key of the keys file.
 *
 * @param keyId the key identifier, 1 to {@value #MAX_KEY_ID}
 * @param type the MAC algorithm
 * @param secret the key's octets (copied in and out; {@link #toString()} does not show them)
 */
public record SymmetricKey(int keyId, KeyType type, byte[] secret) {
    /** ntpd's {@code NTP_MAXKEY}: key identifiers above it were Autokey's. */
    public static final int MAX_KEY_ID = 65535;

    /** Checks the identifier and copies the secret. */
    public SymmetricKey {
        Objects.requireNonNull(type, "type");
        if (keyId < 1 || keyId > MAX_KEY_ID) {
            throw new IllegalArgumentException("key id " + keyId + " is out of range 1.." + MAX_KEY_ID);
        }
        secret = secret.clone();
    }

    /** The key's octets (a copy). */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The octets themselves, for the MAC code of this package only. */
    byte[] secretUncopied() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SymmetricKey key && keyId == key.keyId && type == key.type
                && Arrays.equals(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, type, Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "SymmetricKey[keyId=" + keyId + ", type=" + type + ", secret=(" + secret.length + " octets)]";
    }
}
