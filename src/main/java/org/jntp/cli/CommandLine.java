package org.jntp.cli;

import java.util.List;
import java.util.Optional;

/**
 * A command line read word by word as getopt(3) reads it: single-letter flags cluster ("-qu"), and
 * a flag's value is the rest of its word ("-p2") or else the next word ("-p 2").
 */
final class CommandLine {
    private final List<String> words;
    private int next;

    CommandLine(List<String> words) {
        this.words = List.copyOf(words);
    }

    boolean hasNext() {
        return next < words.size();
    }

    String next() {
        return words.get(next++);
    }

    /** The value of the flag at {@code index} in {@code word}: the rest of the word, else the next word. */
    Optional<String> valueOf(String word, int index) {
        if (index + 1 < word.length()) {
            return Optional.of(word.substring(index + 1));
        }
        return hasNext() ? Optional.of(next()) : Optional.empty();
    }

    /** The value of a long option {@code name} given as "--name=value" or "--name value". */
    Optional<String> longValueOf(String word, String name) {
        if (word.length() > name.length()) {
            return Optional.of(word.substring(name.length() + 1));
        }
        return hasNext() ? Optional.of(next()) : Optional.empty();
    }
}
