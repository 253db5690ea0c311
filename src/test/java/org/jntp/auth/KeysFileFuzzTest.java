package org.jntp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jntp.config.ConfigError;

/**
 * Jazzer target for the keys file parser, given the octets of a file as the daemon reads it (ISO
 * 8859-1): any file parses to keys or errors without throwing, every problem names a line of the
 * file, and a file with errors loads no key.
 */
class KeysFileFuzzTest {

    @FuzzTest
    void parsesAnyFileToKeysOrErrorsOnItsLines(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int lines = (int) text.lines().count() + 1;

        KeysFile.Result result = KeysFile.parse(text, "/etc/ntp.keys");

        assertThat(result.errors()).extracting(ConfigError::line).allSatisfy(line -> assertThat(line)
                .isBetween(1, lines));
        assertThat(result.warnings()).extracting(ConfigError::line).allSatisfy(line -> assertThat(line)
                .isBetween(1, lines));
        if (!result.errors().isEmpty()) {
            assertThat(result.keys()).isEmpty();
        }
    }
}
