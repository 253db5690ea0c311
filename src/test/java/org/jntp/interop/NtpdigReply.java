package org.jntp.interop;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ntpdig -j -d -d} printed about the reply it chose: that reply and the request it
 * answered, from ntpdig's hex dumps, and ntpdig's verdict from its JSON line. With {@code -p N}
 * ntpdig takes N samples and chooses the one with the least synchronisation distance (delay).
 *
 * @param offsetSeconds the server's time minus ours, as ntpdig computed it
 * @param leap          ntpdig's name for the leap indicator: no-leap, add-leap, del-leap or unsync
 */
record NtpdigReply(NtpHeader request, NtpHeader reply, double offsetSeconds, int stratum, String leap) {

    private static final int CLIENT_MODE = 3;
    /** A dump line: 16 bytes as hex, padded to 48 columns when shorter, then the bytes as text. */
    private static final Pattern DUMP_LINE = Pattern.compile("^((?:[0-9a-f]{2} |   ){16})");
    /** The chosen sample's origin timestamp, printed in hex before its offset is computed. */
    private static final Pattern CHOSEN_ORIGIN = Pattern.compile("^org t1: ([0-9a-f]{8})\\.([0-9a-f]{8}) ");
    private static final Pattern OFFSET = Pattern.compile("\"offset\":(-?[0-9.]+)");
    private static final Pattern STRATUM = Pattern.compile("\"stratum\":([0-9]+)");
    private static final Pattern LEAP = Pattern.compile("\"leap\":\"([a-z-]+)\"");

    /** Reads ntpdig's standard output; every packet dumped is taken as a 48-byte header. */
    static NtpdigReply parse(String stdout) {
        ByteArrayOutputStream dumped = new ByteArrayOutputStream();
        Long chosenOrigin = null;
        String json = null;
        for (String line : stdout.split("\n")) {
            Matcher dump = DUMP_LINE.matcher(line);
            Matcher origin = CHOSEN_ORIGIN.matcher(line);
            if (dump.find()) {
                for (String hex : dump.group(1).trim().split(" +")) {
                    dumped.write(Integer.parseInt(hex, 16));
                }
            } else if (origin.find() && chosenOrigin == null) {
                chosenOrigin = HexFormat.fromHexDigitsToLong(origin.group(1) + origin.group(2));
            } else if (line.startsWith("{")) {
                json = line;
            }
        }
        if (chosenOrigin == null || json == null) {
            throw new IllegalArgumentException("ntpdig chose no reply (run it with -j -d -d):\n" + stdout);
        }
        long origin = chosenOrigin;
        List<NtpHeader> packets = headers(dumped.toByteArray());
        for (int i = 1; i < packets.size(); i++) {
            NtpHeader request = packets.get(i - 1);
            NtpHeader reply = packets.get(i);
            if (request.mode() == CLIENT_MODE && reply.originTimestamp() == origin) {
                return new NtpdigReply(request, reply, Double.parseDouble(field(OFFSET, json)),
                        Integer.parseInt(field(STRATUM, json)), field(LEAP, json));
            }
        }
        throw new IllegalArgumentException("no dumped request and reply with origin "
                + Long.toHexString(origin) + " in ntpdig's output:\n" + stdout);
    }

    private static List<NtpHeader> headers(byte[] bytes) {
        List<NtpHeader> headers = new ArrayList<>();
        for (int at = 0; at + NtpHeader.LENGTH <= bytes.length; at += NtpHeader.LENGTH) {
            headers.add(NtpHeader.decode(Arrays.copyOfRange(bytes, at, at + NtpHeader.LENGTH)));
        }
        return headers;
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + pattern + " in ntpdig's JSON: " + json);
        }
        return matcher.group(1);
    }
}
