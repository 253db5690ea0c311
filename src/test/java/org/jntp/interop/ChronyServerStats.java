package org.jntp.interop;

import java.util.Map;

/**
 * What {@code chronyc serverstats} counts of the requests a chronyd server took, as chrony 4.3
 * prints it.
 *
 * @param requests            {@code NTP packets received}
 * @param interleavedRequests {@code Interleaved NTP packets}: answered in interleaved mode
 */
record ChronyServerStats(long requests, long interleavedRequests) {
    private static final String REQUESTS = "NTP packets received";
    private static final String INTERLEAVED = "Interleaved NTP packets";

    static ChronyServerStats parse(String output) {
        Map<String, String> fields = ChronycReport.fields(output, "serverstats", REQUESTS, INTERLEAVED);
        return new ChronyServerStats(Long.parseLong(fields.get(REQUESTS)), Long.parseLong(fields.get(INTERLEAVED)));
    }
}
