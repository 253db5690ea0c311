package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jntp.auth.KeyRing;
import org.jntp.auth.KeysFile;
import org.jntp.config.AuthSettings;
import org.jntp.config.ConfigError;

/**
 * The keys file, read at start: its keys with the {@code trustedkey} ids, a warning in the log
 * when every user may read the secrets, and a refusal to start when the file cannot be read or
 * has errors, rather than serve mode 6 with keys other than the ones configured. A keys file that
 * does not exist is logged and the daemon runs without keys, as ntpd does: CentOS 7's ntp.conf
 * names /etc/ntp/keys, which leaves with the ntp package.
 */
final class KeysFileReader {
    private KeysFileReader() {}

    /**
     * The keys the settings name; no keys (so every MAC fails) when there is no keys file.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    static KeyRing load(AuthSettings settings, EventLog log) throws IOException {
        if (settings.keysFile().isEmpty()) {
            return KeyRing.of(List.of(), settings.trustedKeys());
        }
        Path path = Path.of(settings.keysFile().get());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            log.info("keys file " + path + " does not exist: running without keys, so every authenticated"
                    + " request fails; check the keys line of ntp.conf, or -k");
            return KeyRing.of(List.of(), settings.trustedKeys());
        } catch (AccessDeniedException e) {
            throw new IOException("keys file " + path + " cannot be read: permission denied;"
                    + " ntpd must be able to read it (it should be owned by root, mode 600)");
        } catch (IOException e) {
            throw new IOException("keys file " + path + " cannot be read: " + e.getMessage(), e);
        }
        warnIfWorldReadable(path, log);
        KeysFile.Result result = KeysFile.parse(text, path.toString());
        result.warnings().forEach(warning -> log.info(warning.toString()));
        if (!result.errors().isEmpty()) {
            throw new IOException(result.errors().stream().map(ConfigError::toString)
                    .collect(Collectors.joining("\n", "", "\n" + result.errors().size()
                            + " error(s) in keys file " + path + "; not starting")));
        }
        log.info("keys file " + path + ": " + result.keys().size() + " key(s) loaded, "
                + settings.trustedKeys().size() + " trusted");
        return KeyRing.of(result.keys(), settings.trustedKeys());
    }

    private static void warnIfWorldReadable(Path path, EventLog log) {
        if (SecretFile.readableBy(path, Set.of(PosixFilePermission.OTHERS_READ))) {
            log.info("keys file " + path + " is readable by every user, who can then forge authenticated"
                    + " requests; chmod o-r " + path);
        }
    }
}
