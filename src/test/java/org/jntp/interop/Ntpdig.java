package org.jntp.interop;

import java.time.Duration;

/** NTPsec's SNTP client, run inside a namespace: one query, never setting the clock. */
final class Ntpdig {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Ntpdig() {}

    /**
     * Queries address:123 four times in a row; ntpdig reports the sample with the least delay,
     * which a busy machine disturbs least. -j: the verdict as JSON; -d -d: the packets in hex.
     */
    static CommandResult query(Netns netns, String address) {
        return netns.run(TIMEOUT, "ntpdig", "-j", "-d", "-d", "-p", "4", "-t", "2", address);
    }

    /** One quick query of address:123 (one sample, 1 s timeout): for timing how soon a server synchronises. */
    static CommandResult probe(Netns netns, String address) {
        return netns.run(TIMEOUT, "ntpdig", "-j", "-d", "-d", "-p", "1", "-t", "1", address);
    }

    /**
     * Queries address:123 every second until ntpdig accepts a reply (synchronised, stratum below
     * 16, origin echoed) or timeout has passed; returns the last query.
     */
    static CommandResult awaitAnswer(Netns netns, String address, Duration timeout) {
        return Await.until(timeout, Duration.ofSeconds(1), () -> query(netns, address), CommandResult::succeeded);
    }
}
