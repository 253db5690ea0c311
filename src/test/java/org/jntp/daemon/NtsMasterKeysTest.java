package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.MasterKeysFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtsMasterKeysTest {
    private static final long DAY = MasterKeyRing.DEFAULT_ROTATION_SECONDS;

    @TempDir
    Path directory;

    private final AtomicLong nowSeconds = new AtomicLong(1_764_000_000);
    private final EventLog log = TestLogs.silent();

    private NtsMasterKeys open() throws IOException {
        return NtsMasterKeys.open(directory.resolve("ntskeys"), DAY, nowSeconds::get, new Random(8915), log);
    }

    @Test
    void keepsTheKeysWithinTheRotationInterval() throws IOException {
        NtsMasterKeys keys = open();
        MasterKeyRing first = keys.get();
        nowSeconds.addAndGet(DAY - 1);

        assertThat(keys.get()).isSameAs(first);
    }

    @Test
    void rotatesOnTheFirstUseAfterTheIntervalAndWritesTheFile() throws IOException {
        NtsMasterKeys keys = open();
        MasterKeyRing first = keys.get();
        nowSeconds.addAndGet(DAY);

        MasterKeyRing rotated = keys.get();

        assertThat(rotated.previous()).contains(first.current());
        assertThat(MasterKeysFile.parse(Files.readString(directory.resolve("ntskeys"))))
                .isEqualTo(new MasterKeysFile.Loaded(rotated));
    }

    @Test
    void aRestartServesTheSameKeys() throws IOException {
        MasterKeyRing before = open().get();
        nowSeconds.addAndGet(60);

        assertThat(open().get()).isEqualTo(before);
    }
}
