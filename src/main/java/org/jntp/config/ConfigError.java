package org.jntp.config;

/**
 * A problem in ntp.conf, with where it is and how to fix it.
 *
 * @param line 1-based line number, or 0 for the file as a whole
 * @param column 1-based column of the offending token, or 0 when the whole line is meant
 * @param fix what to change, phrased for the person editing the file
 */
public record ConfigError(String file, int line, int column, String message, String fix) {
    public ConfigError {
        if (fix.isBlank()) {
            throw new IllegalArgumentException("every configuration error says how to fix it: " + message);
        }
    }

    /** {@code file:line: message; fix}, as compilers print their errors. */
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message + "; " + fix;
    }
}
