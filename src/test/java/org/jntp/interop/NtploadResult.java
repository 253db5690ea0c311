package org.jntp.interop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of {@code bench/ntpload} counted, from the lines it prints at its end.
 *
 * @param sent        requests sent
 * @param answered    valid mode 4 answers to our requests, KoDs not included
 * @param kissOfDeath answers to our requests at stratum 0 (kiss-o'-death)
 * @param invalid     datagrams received that answer none of our requests
 */
record NtploadResult(long sent, long answered, long kissOfDeath, long invalid) {
    private static final Pattern TOTALS = Pattern.compile("(?m)^sent (\\d+) recv (\\d+) rate ");
    private static final Pattern STATS = Pattern.compile("(?m)^stats .* kod (\\d+) unsync \\d+ invalid (\\d+) ");

    static NtploadResult parse(String output) {
        Matcher totals = TOTALS.matcher(output);
        Matcher stats = STATS.matcher(output);
        if (!totals.find() || !stats.find()) {
            throw new IllegalArgumentException("not the output of ntpload: " + output);
        }
        return new NtploadResult(Long.parseLong(totals.group(1)), Long.parseLong(totals.group(2)),
                Long.parseLong(stats.group(1)), Long.parseLong(stats.group(2)));
    }

    /** Everything that came back, answers to our requests or not. */
    long received() {
        return answered + kissOfDeath + invalid;
    }
}
