package org.jntp.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jntp.nts.MasterKeyRing;

/**
 * The NTS master keys while the daemon runs: read from the {@code nts cookie} key file at start,
 * rotated when the current key is a rotation interval old, on the first use after that, and written
 * back at each rotation so that a restart keeps them; without a file, kept in memory only. Reading
 * them is one volatile read.
 */
final class NtsMasterKeys implements Supplier<MasterKeyRing> {
    private final Optional<Path> file;
    private final long rotationSeconds;
    private final LongSupplier nowSeconds;
    private final RandomGenerator random;
    private final EventLog log;
    private volatile MasterKeyRing ring;

    private NtsMasterKeys(Optional<Path> file, long rotationSeconds, LongSupplier nowSeconds, RandomGenerator random,
            EventLog log, MasterKeyRing ring) {
        this.file = file;
        this.rotationSeconds = rotationSeconds;
        this.nowSeconds = nowSeconds;
        this.random = random;
        this.log = log;
        this.ring = ring;
    }

    /**
     * The keys of the file, rotated if due, or new ones written to it.
     *
     * @param nowSeconds the wall clock, seconds of the Unix epoch
     * @throws IOException when the file cannot be read or written
     */
    static NtsMasterKeys open(Path file, long rotationSeconds, LongSupplier nowSeconds, RandomGenerator random,
            EventLog log) throws IOException {
        MasterKeyRing ring = NtsCookieKeyFile.loadOrCreate(file, nowSeconds.getAsLong(), rotationSeconds, random, log);
        return new NtsMasterKeys(Optional.of(file), rotationSeconds, nowSeconds, random, log, ring);
    }

    /** Fresh keys kept in memory: a restart loses them, and clients re-key. */
    static NtsMasterKeys inMemory(long rotationSeconds, LongSupplier nowSeconds, RandomGenerator random,
            EventLog log) {
        long now = nowSeconds.getAsLong();
        return new NtsMasterKeys(Optional.empty(), rotationSeconds, nowSeconds, random, log,
                MasterKeyRing.create(now, random));
    }

    /** The keys now, rotated first if the current key is a rotation interval old. */
    @Override
    public MasterKeyRing get() {
        MasterKeyRing now = ring;
        long seconds = nowSeconds.getAsLong();
        if (seconds - now.rotatedAtSeconds() < rotationSeconds) {
            return now;
        }
        return rotate(seconds);
    }

    private synchronized MasterKeyRing rotate(long seconds) {
        MasterKeyRing rotated = ring.rotateIfDue(seconds, rotationSeconds, random);
        if (rotated != ring) {
            ring = rotated;
            file.ifPresent(path -> store(path, rotated));
        }
        return ring;
    }

    private void store(Path path, MasterKeyRing rotated) {
        try {
            NtsCookieKeyFile.store(path, rotated);
        } catch (IOException e) {
            log.info("nts cookie key file " + path + " cannot be written: " + e.getMessage()
                    + "; the new keys are lost at a restart, and with them the cookies clients hold");
        }
    }
}
