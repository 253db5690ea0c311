package org.jntp.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What ntp.conf says of symmetric keys: {@code keys}, {@code trustedkey}, {@code controlkey} and
 * {@code requestkey}.
 *
 * @param keysFile the keys file, as written
 * @param trustedKeys every key identifier {@code trustedkey} lines name, ranges expanded
 * @param controlKey the key mode 6 requests that change the server must be signed with; none
 *                   means no request may change it, as in ntpd
 * @param requestKey the key of ntpdc's mode 7 requests, which jntp does not serve
 */
public record AuthSettings(Optional<String> keysFile, Set<Integer> trustedKeys, OptionalInt controlKey,
        OptionalInt requestKey) {
    /** Copies the set, sorted. */
    public AuthSettings {
        Objects.requireNonNull(keysFile, "keysFile");
        Objects.requireNonNull(controlKey, "controlKey");
        Objects.requireNonNull(requestKey, "requestKey");
        trustedKeys = Set.copyOf(new TreeSet<>(trustedKeys));
    }

    /** No keys file, no trusted keys, no control or request key. */
    public static AuthSettings none() {
        return new AuthSettings(Optional.empty(), Set.of(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** These settings with another keys file, as ntpd's {@code -k} gives. */
    public AuthSettings withKeysFile(String path) {
        return new AuthSettings(Optional.of(path), trustedKeys, controlKey, requestKey);
    }

    AuthSettings withTrusted(Set<Integer> more) {
        Set<Integer> all = new TreeSet<>(trustedKeys);
        all.addAll(more);
        return new AuthSettings(keysFile, all, controlKey, requestKey);
    }

    AuthSettings withControlKey(int keyId) {
        return new AuthSettings(keysFile, trustedKeys, OptionalInt.of(keyId), requestKey);
    }

    AuthSettings withRequestKey(int keyId) {
        return new AuthSettings(keysFile, trustedKeys, controlKey, OptionalInt.of(keyId));
    }
}
