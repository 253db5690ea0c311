package org.jntp.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of the keys file and which of them {@code trustedkey} trusts. Immutable.
 *
 * @param keys the keys by identifier
 * @param trusted the identifiers {@code trustedkey} names, whether or not the file has them
 */
public record KeyRing(Map<Integer, SymmetricKey> keys, Set<Integer> trusted) {
    /** Copies both. */
    public KeyRing {
        keys = Map.copyOf(keys);
        trusted = Set.copyOf(trusted);
    }

    /** No keys, none trusted: every MAC fails. */
    public static KeyRing empty() {
        return new KeyRing(Map.of(), Set.of());
    }

    /** The keys of a file, trusting the identifiers given; of two keys with one identifier, the first. */
    public static KeyRing of(List<SymmetricKey> keys, Set<Integer> trusted) {
        Map<Integer, SymmetricKey> byId = keys.stream().collect(Collectors.toMap(SymmetricKey::keyId, Function.identity(), (first, later) -> first));
        return new KeyRing(byId, trusted);
    }

    /** The key with this identifier. */
    public Optional<SymmetricKey> key(int keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Whether {@code trustedkey} names the identifier ({@code authistrusted}); key 0 never is. */
    public boolean isTrusted(int keyId) {
        return keyId != 0 && trusted.contains(keyId);
    }
}
