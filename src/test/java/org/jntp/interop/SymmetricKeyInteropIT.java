package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Symmetric keys on time packets ({@code server ... key N}) between our daemon and NTPsec and
 * chronyd, both ways: the client signs its requests, the server answers with a MAC of the same key,
 * and a client that is given a reply without a valid MAC does not synchronise. Key 1 is MD5 with an
 * ASCII secret, key 2 SHA1 with a hex secret; chronyd's keyfile writes both in hex.
 */
@InteropTest
class SymmetricKeyInteropIT {
    private static final String OURS = "127.0.0.1";
    /** Where an NTPsec client reaches our server: it refuses 127.0.0.x but 127.0.0.1. */
    private static final String OURS_FOR_NTPSEC = "192.0.2.2";
    private static final String UPSTREAM = "127.0.0.2";
    private static final String MD5_SECRET = "jntp-md5-secret";
    private static final String SHA1_HEX = "0123456789abcdef0123456789abcdef01234567";
    private static final String[] SOFTWARE_CLOCK = {"--software-clock", "0,0"};
    private static final Duration SELECTION_LIMIT = Duration.ofSeconds(40);
    private static final Duration UNSYNCHRONISED_WATCH = Duration.ofSeconds(15);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final int FAST_POLL = -2;

    @AutoClose
    private static PeerDaemons peers;
    private static Path ntpKeys;
    private static Path wrongNtpKeys;
    private static Path chronyKeys;

    @BeforeAll
    static void writeKeysFiles() throws IOException {
        peers = PeerDaemons.inNewNamespace("symkey");
        Path dir = Files.createTempDirectory("jntp-symkey-");
        ntpKeys = secret(dir.resolve("ntp.keys"), "1 MD5 " + MD5_SECRET + "\n2 SHA1 " + SHA1_HEX + "\n");
        wrongNtpKeys = secret(dir.resolve("wrong.keys"), "1 MD5 guessed\n2 SHA1 " + SHA1_HEX.replace('0', 'f') + "\n");
        String md5Hex = HexFormat.of().formatHex(MD5_SECRET.getBytes(StandardCharsets.US_ASCII));
        chronyKeys = secret(dir.resolve("chrony.keys"), "1 MD5 HEX:" + md5Hex + "\n2 SHA1 HEX:" + SHA1_HEX + "\n");
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

    private static String ntpKeysConf(Path keys) {
        return "keys " + keys + "\ntrustedkey 1 2";
    }

    /** NTPsec's ntpq {@code associations} of the daemon at address. */
    private static String associations(String address) {
        CommandResult result = peers.netns().run(TOOL_TIMEOUT, "ntpq", "-n", "-c", "associations", address);
        return result.stdout() + result.stderr();
    }

    /** The associations once one is the system peer with a MAC that verified, or as they are at the limit. */
    private static String awaitAuthenticatedSystemPeer(String address) {
        return Await.until(SELECTION_LIMIT, PROBE_INTERVAL, () -> associations(address),
                SymmetricKeyInteropIT::authenticatedSystemPeer);
    }

    private static boolean authenticatedSystemPeer(String associations) {
        return associations.lines().anyMatch(line -> line.contains("sys.peer") && line.contains(" ok "));
    }

    private void ntpsecFollowsOurServerWithKey(int keyId) {
        try (Daemon ours = peers.jntpWithEnvironment(OURS_FOR_NTPSEC, Map.of("JNTP_SOURCES", "trustedkey 1 2"),
                "-k", ntpKeys.toString());
                Daemon ntpsec = peers.ntpsecClient(OURS_FOR_NTPSEC, "key " + keyId, ntpKeysConf(ntpKeys))) {
            String associations = awaitAuthenticatedSystemPeer(OURS);

            assertThat(authenticatedSystemPeer(associations))
                    .as(() -> associations + ntpsec.logTail() + ours.logTail()).isTrue();
        }
    }

    @Test
    void ntpsecSelectsOurServerWithAnMd5Key() {
        ntpsecFollowsOurServerWithKey(1);
    }

    @Test
    void ntpsecSelectsOurServerWithASha1Key() {
        ntpsecFollowsOurServerWithKey(2);
    }

    private void ourClientFollowsNtpsecWithKey(int keyId) {
        try (Daemon upstream = peers.ntpsecServer(UPSTREAM, ntpKeysConf(ntpKeys))) {
            Ntpdig.awaitAnswer(peers.netns(), UPSTREAM, SELECTION_LIMIT);
            try (Daemon ours = peers.jntpClient(OURS, "server " + UPSTREAM + " iburst key " + keyId
                    + "\ntrustedkey 1 2", withKeys(ntpKeys))) {
                String associations = awaitAuthenticatedSystemPeer(OURS);

                assertThat(authenticatedSystemPeer(associations))
                        .as(() -> associations + ours.logTail() + upstream.logTail()).isTrue();
            }
        }
    }

    private static String[] withKeys(Path keys) {
        return List.of("-k", keys.toString(), SOFTWARE_CLOCK[0], SOFTWARE_CLOCK[1]).toArray(String[]::new);
    }

    @Test
    void ourClientFollowsAnNtpsecServerWithAnMd5Key() {
        ourClientFollowsNtpsecWithKey(1);
    }

    @Test
    void ourClientFollowsAnNtpsecServerWithASha1Key() {
        ourClientFollowsNtpsecWithKey(2);
    }

    @Test
    void chronydSelectsOurServerWithASha1Key() {
        try (Daemon ours = peers.jntpWithEnvironment(UPSTREAM, Map.of("JNTP_SOURCES", "trustedkey 1 2"),
                "-k", ntpKeys.toString());
                Daemon chronyd = peers.chronydClient(UPSTREAM, FAST_POLL, "key 2", "keyfile " + chronyKeys)) {
            List<ChronySource> sources = new Chronyc(peers.netns(), chronyd).awaitSelection(SELECTION_LIMIT);

            assertThat(sources).as(() -> sources + chronyd.logTail() + ours.logTail())
                    .anyMatch(ChronySource::selected);
        }
    }

    @Test
    void ourClientFollowsAChronydServerWithAnMd5Key() {
        try (Daemon upstream = peers.chronydServer(UPSTREAM, "keyfile " + chronyKeys);
                Daemon ours = peers.jntpClient(OURS, "server " + UPSTREAM + " iburst key 1\ntrustedkey 1 2",
                        withKeys(ntpKeys))) {
            String associations = awaitAuthenticatedSystemPeer(OURS);

            assertThat(authenticatedSystemPeer(associations)).as(() -> associations + ours.logTail()).isTrue();
        }
    }

    @Test
    void ourClientDoesNotFollowAServerWhoseKeyDiffers() {
        try (Daemon upstream = peers.ntpsecServer(UPSTREAM, ntpKeysConf(ntpKeys))) {
            Ntpdig.awaitAnswer(peers.netns(), UPSTREAM, SELECTION_LIMIT);
            try (Daemon ours = peers.jntpClient(OURS, "server " + UPSTREAM + " iburst key 1\ntrustedkey 1 2",
                    withKeys(wrongNtpKeys))) {
                String associations = Await.until(UNSYNCHRONISED_WATCH, PROBE_INTERVAL, () -> associations(OURS),
                        table -> table.contains("sys.peer"));

                assertThat(associations).as(() -> associations + ours.logTail()).contains(" bad ")
                        .doesNotContain("sys.peer");
            }
        }
    }
}
