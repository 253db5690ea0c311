package org.jntp.interop;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@code chronyc ntpdata} says of a source's last valid reply, as chrony 4.3 prints it
 * ("Name : value" lines).
 *
 * @param interleaved  the reply was in interleaved mode ({@code Interleaved : Yes})
 * @param validReplies how many valid replies came so far ({@code Total valid RX})
 */
record ChronyNtpData(boolean interleaved, long validReplies) {

    static ChronyNtpData parse(String output) {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String interleaved = fields.get("Interleaved");
        String validReplies = fields.get("Total valid RX");
        if (interleaved == null || validReplies == null) {
            throw new IllegalArgumentException("not the output of chronyc ntpdata: " + output);
        }
        return new ChronyNtpData(interleaved.equals("Yes"), Long.parseLong(validReplies));
    }
}
