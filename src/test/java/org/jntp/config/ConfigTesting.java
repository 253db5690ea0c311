package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Shared helpers for the parser tests. */
final class ConfigTesting {
    static final String FILE = "/etc/ntp.conf";

    private ConfigTesting() {}

    /** Parses text that must be valid, and returns its configuration. */
    static NtpConfig valid(String text) {
        ConfigResult result = ConfigParser.parse(text, FILE);
        assertThat(result.errors()).as("errors").isEmpty();
        return result.config();
    }

    /** Parses text that must be invalid, and returns the errors as printed. */
    static List<String> errors(String text) {
        ConfigResult result = ConfigParser.parse(text, FILE);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return result.errors().stream().map(ConfigError::toString).toList();
    }
}
