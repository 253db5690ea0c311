package org.jntp.config;

import java.nio.file.Path;

/** Where includefile finds the text of a file; keeps the parser itself free of I/O. */
@FunctionalInterface
public interface IncludeSource {
    /** The text of the file at path, or why it cannot be had. */
    Result load(Path path);

    /** The outcome of loading one file. */
    sealed interface Result {
        record Found(String text) implements Result {}

        /** @param reason a short explanation such as "no such file" */
        record Unreadable(String reason) implements Result {}
    }

    /** A source without files, for parsing text on its own: every includefile is an error. */
    static IncludeSource none() {
        return path -> new Result.Unreadable("includefile is not available when parsing text alone");
    }
}
