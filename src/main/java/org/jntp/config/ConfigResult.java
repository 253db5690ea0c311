package org.jntp.config;

import java.util.List;

/** The outcome of reading ntp.conf. */
public sealed interface ConfigResult {
    /** The configuration; for an invalid file, what the lines without errors configure. */
    NtpConfig config();

    /** Every problem found, in file order; empty when valid. */
    List<ConfigError> errors();

    /** Every line was understood. */
    record Valid(NtpConfig config) implements ConfigResult {
        @Override
        public List<ConfigError> errors() {
            return List.of();
        }
    }

    /** Some lines were not understood; they are left out of {@link #config()}, as ntpd skips them. */
    record Invalid(NtpConfig config, List<ConfigError> errors) implements ConfigResult {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has errors");
            }
            errors = List.copyOf(errors);
        }
    }
}
