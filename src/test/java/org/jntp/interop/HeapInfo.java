package org.jntp.interop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's heap as {@code jcmd PID GC.heap_info} reports it: the sums over its generations (or
 * regions) of what is committed and what is used.
 */
record HeapInfo(long committedKb, long usedKb) {
    /** One line per generation, e.g. "DefNew total 960K, used 360K [...]", "garbage-first heap total 1024K, used ...". */
    private static final Pattern GENERATION = Pattern.compile("(?m)^ ?\\S.* total (\\d+)K, used (\\d+)K");

    static HeapInfo parse(String output) {
        Matcher generation = GENERATION.matcher(output);
        long committed = 0;
        long used = 0;
        boolean found = false;
        while (generation.find()) {
            committed += Long.parseLong(generation.group(1));
            used += Long.parseLong(generation.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException("not the output of jcmd GC.heap_info: " + output);
        }
        return new HeapInfo(committed, used);
    }
}
