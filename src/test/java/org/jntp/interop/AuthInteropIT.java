package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Symmetric keys on mode 6 between NTPsec and our daemon on 127.0.0.1: NTPsec's ntpq signs a
 * {@code :config} request that our daemon must verify, and NTPsec's own MAC code must verify the
 * answers our daemon signs (MD5 with an ASCII key, SHA1 with a hex key).
 */
@InteropTest
class AuthInteropIT {
    private static final String OURS = "127.0.0.1";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);
    private static final String KEYS = "5 MD5 secret\n6 SHA1 0123456789abcdef0123456789abcdef01234567 # hex\n";

    @AutoClose
    private static PeerDaemons peers;
    private static Path keys;
    private static Path wrongKeys;

    @BeforeAll
    static void startOurDaemonWithKeys() throws IOException {
        peers = PeerDaemons.inNewNamespace("auth");
        Path dir = Files.createTempDirectory("jntp-auth-");
        keys = secret(dir.resolve("ntp.keys"), KEYS);
        wrongKeys = secret(dir.resolve("wrong.keys"), "5 MD5 guessed\n");
        peers.jntpClient(OURS, "trustedkey 5 6\ncontrolkey 5", "-k", keys.toString(), "--software-clock", "0,0");
    }

    private static Path secret(Path file, String text) {
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ntpsecConfig(Path keysFile, int keyId) {
        CommandResult result = peers.netns().run(QUERY_TIMEOUT, "ntpq", "-k", keysFile.toString(), "-a",
                Integer.toString(keyId), "-c", ":config server 192.0.2.1", OURS);
        return result.stdout() + result.stderr();
    }

    @Test
    void ntpsecsSignedConfigureAddsTheServerOurDaemonThenLists() {
        assertThat(ntpsecConfig(keys, 5)).doesNotContain("PERMISSION").contains("Config Succeeded");

        String peersTable = Await.until(Duration.ofSeconds(10), Duration.ofMillis(500),
                () -> peers.netns().run(QUERY_TIMEOUT, "ntpq", "-pn", OURS).stdout(),
                table -> table.contains("192.0.2.1"));
        assertThat(peersTable).contains("192.0.2.1");
    }

    @Test
    void ntpsecsRequestSignedWithAnotherTrustedKeyIsRefused() {
        assertThat(ntpsecConfig(keys, 6)).contains("PERMISSION");
    }

    @Test
    void ntpsecsRequestSignedWithAWrongPasswordIsRefused() {
        assertThat(ntpsecConfig(wrongKeys, 5)).contains("PERMISSION");
    }

    @Test
    void ntpsecVerifiesEveryAnswerWeSign() {
        Path probe = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath()
                .resolve("src/test/resources/org/jntp/interop/mode6-auth-probe.py");
        CommandResult result = peers.netns().run(QUERY_TIMEOUT, "python3", probe.toString(), keys.toString(), OURS,
                "5:2:stratum,leap", "6:2:sys_var_list", "5:3:leap=0", "5:9:saved.conf", "6:3:leap=0");

        assertThat(result.succeeded()).as(result::describe).isTrue();
        assertThat(result.stdout().lines().toList()).as(result::describe).containsExactly(
                "5 2 error=0 more=0 mac=ok",
                "6 2 error=0 more=1 mac=ok", "6 2 error=0 more=1 mac=ok", "6 2 error=0 more=0 mac=ok",
                "5 3 error=0 more=0 mac=ok",
                "5 9 error=0 more=0 mac=ok",
                "6 3 error=1 more=0 mac=ok");
    }

    @Test
    void ourNtpqWritesLeapWithTheControlKey() {
        Path ntpq = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath().resolve("bin/ntpq");
        CommandResult result = peers.netns().run(QUERY_TIMEOUT, ntpq.toString(), "-c", "keyid 5", "-c",
                "passwd secret", "-c", "writevar 0 leap=0", OURS);

        assertThat(result.stdout()).as(result::describe).endsWith("done! (no data returned)\n");
    }
}
