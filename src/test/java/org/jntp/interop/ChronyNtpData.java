package org.jntp.interop;

import java.util.Map;

/**
 * What {@code chronyc ntpdata} says of a source's last valid reply, as chrony 4.3 prints it.
 *
 * @param interleaved  the reply was in interleaved mode ({@code Interleaved : Yes})
 * @param validReplies how many valid replies came so far ({@code Total valid RX})
 */
record ChronyNtpData(boolean interleaved, long validReplies) {
    private static final String INTERLEAVED = "Interleaved";
    private static final String VALID_REPLIES = "Total valid RX";

    static ChronyNtpData parse(String output) {
        Map<String, String> fields = ChronycReport.fields(output, "ntpdata", INTERLEAVED, VALID_REPLIES);
        return new ChronyNtpData(fields.get(INTERLEAVED).equals("Yes"), Long.parseLong(fields.get(VALID_REPLIES)));
    }
}
