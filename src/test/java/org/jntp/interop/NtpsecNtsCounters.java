package org.jntp.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NTS counters NTPsec's {@code ntpq -c nts} prints, one {@code label: value} a line, by label
 * ({@code NTS client recvs good} → 7). A counter the daemon does not have ({@code ?}) is left out.
 */
record NtpsecNtsCounters(Map<String, Long> byLabel) {
    /** The counters ntpq prints, one a line. */
    static final int LINES = 17;
    static final String CLIENT_SENDS = "NTS client sends";
    static final String CLIENT_RECVS_GOOD = "NTS client recvs good";
    static final String CLIENT_RECVS_WITH_ERROR = "NTS client recvs w error";
    static final String SERVER_RECVS_GOOD = "NTS server recvs good";
    static final String SERVER_RECVS_WITH_ERROR = "NTS server recvs w error";
    static final String COOKIES_MADE = "NTS make cookies";
    static final String COOKIES_DECODED = "NTS decode cookies";
    static final String KE_CLIENT_PROBES_GOOD = "NTS KE client probes good";
    static final String KE_SERVES_GOOD = "NTS KE serves good";

    static NtpsecNtsCounters parse(String printed) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        printed.lines().forEach(line -> {
            int colon = line.lastIndexOf(':');
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                byLabel.put(line.substring(0, colon).strip(), Long.parseLong(value));
            }
        });
        return new NtpsecNtsCounters(Map.copyOf(byLabel));
    }

    /** The counter's value; -1 when ntpq did not print it. */
    long count(String label) {
        return byLabel.getOrDefault(label, -1L);
    }
}
