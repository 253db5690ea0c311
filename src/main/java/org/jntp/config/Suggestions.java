package org.jntp.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Turns an unknown word into advice: the keyword it was probably meant to be. */
final class Suggestions {
    private Suggestions() {}

    /**
     * How to fix word, which is not one of keywords. ntpd's keywords are case-sensitive, so a word
     * differing only in case gets its lower-case spelling; a near miss gets "did you mean".
     */
    static String fix(String word, Collection<String> keywords) {
        for (String keyword : keywords) {
            if (keyword.equalsIgnoreCase(word)) {
                return "keywords are lower case: write \"" + keyword + "\"";
            }
        }
        return closest(word, keywords)
                .map(keyword -> "did you mean \"" + keyword + "\"?")
                .orElse("use one of: " + String.join(", ", keywords));
    }

    /** The keyword within a small edit distance of word, the closest first. */
    static Optional<String> closest(String word, Collection<String> keywords) {
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = lower.length() < 4 ? 1 : 2;
        Optional<String> best = Optional.empty();
        int bestDistance = allowed + 1;
        for (String keyword : keywords) {
            int distance = distance(lower, keyword);
            if (distance < bestDistance) {
                best = Optional.of(keyword);
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
