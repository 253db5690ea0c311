package org.jntp.config;

import java.util.List;

/** The outcome of reading ntp.conf. */
public sealed interface ConfigResult {
    /** The configuration; for an invalid file, what the lines without errors configure. */
    NtpConfig config();

    /** Every problem found, in file order; empty when valid. */
    List<ConfigError> errors();

    /**
     * Lines read and ignored, as ntpd would run without them (a feature jntp does not have, an
     * include file that is missing): said once at start, never a reason not to start.
     */
    List<ConfigError> warnings();

    /** Every line was understood, or ignored with a warning. */
    record Valid(NtpConfig config, List<ConfigError> warnings) implements ConfigResult {
        public Valid {
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<ConfigError> errors() {
            return List.of();
        }
    }

    /** Some lines were not understood; they are left out of {@link #config()}, as ntpd skips them. */
    record Invalid(NtpConfig config, List<ConfigError> errors, List<ConfigError> warnings) implements ConfigResult {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has errors");
            }
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }
}
