package org.jntp.nts;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The master keys a server opens cookies with: the current one, which seals new cookies, and the
 * one before it, so that cookies a client got just before a rotation still open after it; a cookie
 * two rotations old does not, and its client goes back to NTS-KE.
 *
 * @param rotatedAtSeconds when the current key was made, in seconds of the Unix epoch
 */
public record MasterKeyRing(MasterKey current, Optional<MasterKey> previous, long rotatedAtSeconds) {
    /** Which of the ring's keys: the one sealing new cookies, or the one before it. */
    public enum Age {
        CURRENT,
        PREVIOUS
    }

    /** How often keys rotate by default: daily, as chrony and NTPsec do. */
    public static final long DEFAULT_ROTATION_SECONDS = 86_400;

    /** Checks the two keys have different ids, so that a cookie names one key. */
    public MasterKeyRing {
        if (previous.isPresent() && previous.get().id() == current.id()) {
            throw new IllegalArgumentException("the current and previous master keys have the same id");
        }
    }

    /** A ring with a fresh key and no previous one. */
    public static MasterKeyRing create(long nowSeconds, RandomGenerator random) {
        return new MasterKeyRing(MasterKey.generate(random), Optional.empty(), nowSeconds);
    }

    /** A fresh current key; the current one becomes the previous one and the previous one is dropped. */
    public MasterKeyRing rotate(long nowSeconds, RandomGenerator random) {
        MasterKey next = MasterKey.generate(random);
        while (next.id() == current.id()) {
            next = MasterKey.generate(random);
        }
        return new MasterKeyRing(next, Optional.of(current), nowSeconds);
    }

    /**
     * This ring rotated if the current key is at least {@code rotationSeconds} old, else this ring.
     * One rotation however long the server was stopped: a key that sealed cookies just before a
     * stop still opens them after the restart.
     */
    public MasterKeyRing rotateIfDue(long nowSeconds, long rotationSeconds, RandomGenerator random) {
        return nowSeconds - rotatedAtSeconds >= rotationSeconds ? rotate(nowSeconds, random) : this;
    }

    /** Which of this ring's keys {@code key}, one it holds, is. */
    public Age age(MasterKey key) {
        return key.id() == current.id() ? Age.CURRENT : Age.PREVIOUS;
    }

    /** The key with this id, if the ring holds it. */
    public Optional<MasterKey> find(int id) {
        if (current.id() == id) {
            return Optional.of(current);
        }
        return previous.filter(key -> key.id() == id);
    }
}
