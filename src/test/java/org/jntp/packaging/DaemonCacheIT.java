package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.packaging.Shell.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jntp-java's AOT cache of the daemon, in a copy of the checkout (launchers, scripts, jar,
 * libraries and trimmed runtime) so that the real one's cache is left alone: the first start after
 * a build runs without one and trains it in the background; the next start uses it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DaemonCacheIT {
    private static final int PORT = 12397;

    @TempDir
    static Path home;

    private static Path cache;

    @BeforeAll
    static void copyTheCheckout() throws Exception {
        Files.createDirectories(home.resolve("target"));
        for (String part : List.of("bin", "scripts")) {
            assertThat(run(List.of("cp", "-a", Shell.HOME.resolve(part).toString(), home.toString())).exit()).isZero();
        }
        for (String part : List.of("jntp.jar", "runtime")) {
            assertThat(run(List.of("cp", "-a", Shell.HOME.resolve("target").resolve(part).toString(),
                    home.resolve("target").toString())).exit()).as(part).isZero();
        }
        cache = home.resolve("target/jntp-daemon.aot");
    }

    @Test
    void theFirstStartTrainsTheCacheInTheBackgroundAndTheNextStartUsesIt() throws Exception {
        Path conf = Files.writeString(home.resolve("ntp.conf"), """
                server 127.127.1.0
                fudge 127.127.1.0 stratum 8
                interface ignore all
                interface listen 127.0.0.1
                """);
        List<String> first = startAnswerAndStop(conf);
        assertThat(first).contains("-Xshare:off").noneMatch(word -> word.startsWith("-XX:AOTCache"));

        for (int tries = 0; tries < 600 && !Files.exists(cache); tries++) {
            Thread.sleep(100);
        }
        assertThat(cache).as("trained within 60 s").exists();

        assertThat(startAnswerAndStop(conf)).contains("-XX:AOTCache=" + cache).doesNotContain("-Xshare:off");
    }

    /** The daemon's command line, once it answered a time request. */
    private static List<String> startAnswerAndStop(Path conf) throws IOException, InterruptedException {
        Process daemon = new ProcessBuilder("setpriv", "--bounding-set", "-sys_time",
                home.resolve("bin/ntpd").toString(), "-n", "-c", conf.toString(), "--port", Integer.toString(PORT),
                "--software-clock", "0,0").redirectErrorStream(true)
                .redirectOutput(home.resolve("ntpd.log").toFile()).start();
        try {
            assertThat(TimeQuery.awaitAnswer(PORT, daemon::isAlive)).as(() -> log()).isPresent();
            return List.of(Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "cmdline")).split("\0"));
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    private static String log() {
        try {
            return Files.readString(home.resolve("ntpd.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
