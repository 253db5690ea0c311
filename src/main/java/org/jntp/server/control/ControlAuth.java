package org.jntp.server.control;

import java.util.Objects;
import java.util.OptionalInt;
import org.jntp.auth.KeyRing;

/**
 * What mode 6 checks request MACs against.
 *
 * @param keys the keys file's keys and which are trusted
 * @param controlKey the key of requests that change the server ({@code controlkey}); without one
 *                   no request may, as in ntpd
 * @param enabled ntpd's {@code enable auth} ({@code sys_authenticate}): when off, MACs are neither
 *                checked nor sent, so no request may change the server
 */
public record ControlAuth(KeyRing keys, OptionalInt controlKey, boolean enabled) {
    /** Requires the parts. */
    public ControlAuth {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(controlKey, "controlKey");
    }

    /** No keys: MACs are checked, and all fail. */
    public static ControlAuth none() {
        return new ControlAuth(KeyRing.empty(), OptionalInt.empty(), true);
    }
}
