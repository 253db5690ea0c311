package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jazzer target for the ntp.conf parser, given the octets of a file as the daemon reads it (ISO
 * 8859-1) and no file to include: any file parses to a configuration, valid or with its errors,
 * without throwing, and every problem names a line of the file.
 */
class ConfigParserFuzzTest {

    @FuzzTest
    void parsesAnyFileToAConfigurationOrErrorsOnItsLines(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int lines = (int) text.lines().count() + 1;

        List<ConfigError> problems = switch (ConfigParser.parse(text, "/etc/ntp.conf", IncludeSource.none())) {
            case ConfigResult.Valid valid -> valid.warnings();
            case ConfigResult.Invalid invalid -> {
                assertThat(invalid.errors()).isNotEmpty();
                yield invalid.errors();
            }
        };

        assertThat(problems).extracting(ConfigError::line).allSatisfy(line -> assertThat(line).isBetween(1, lines));
    }
}
