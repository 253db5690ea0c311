package org.jntp.config;

/**
 * Where a line of the configuration was read, for messages about what it configured.
 *
 * @param file the file's name as given, or as included
 * @param line 1-based line number
 */
public record LineOrigin(String file, int line) {
    /** {@code file:line}, as compilers and configuration errors name a line. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
