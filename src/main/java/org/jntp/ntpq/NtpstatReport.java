package org.jntp.ntpq;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Debian's C {@code ntpstat} (G. R. Keech, 2001) makes of the first datagram of ntpd's
 * answer to its READVAR: the leap bits and clock source of the status word, then
 * {@code refid=}, {@code stratum=}, {@code rootdisp=}, {@code rootdelay=} and {@code tc=} found
 * by plain substring search in the data up to its first NUL, each value cut at the next comma.
 * Exit status 0 synchronised, 1 not (or a value missing), 2 no valid answer.
 *
 * @param out what goes to standard output
 * @param err what goes to standard error
 * @param exitStatus the exit status
 */
public record NtpstatReport(String out, String err, int exitStatus) {
    /** The request: version 2, READVAR, sequence 1, padded with zeros to 576 octets. */
    public static final byte[] REQUEST = request();
    private static final int FIRST_OCTET = 0x16;
    private static final int SECOND_OCTET = 0x02;
    private static final int RESPONSE_BIT = 0x80;
    private static final int MORE_BIT = 0x20;
    private static final int HEADER = 12;
    private static final int PAYLOAD = 468;
    private static final int SOURCE_NTP = 6;
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*[-+]?\\d{1,9}");
    private static final String[] SOURCES = {
        "unspecified", "atomic clock", "VLF radio", "HF radio", "UHF radio", "local net", "NTP server", "UDP/TIME",
        "wristwatch", "modem",
    };

    private static byte[] request() {
        byte[] request = new byte[HEADER + PAYLOAD + 96];
        request[0] = FIRST_OCTET;
        request[1] = SECOND_OCTET;
        request[3] = 1;
        return request;
    }

    /** No answer within the second it waits. */
    public static NtpstatReport timeout() {
        return new NtpstatReport("", "timeout\n", 2);
    }

    /** The port refused the request (nothing listens). */
    public static NtpstatReport unreachable() {
        return new NtpstatReport("", "Unable to talk to NTP daemon. Is it running?\n", 2);
    }

    /** The report on the first datagram of the answer. */
    public static NtpstatReport of(byte[] datagram) {
        int first = datagram.length > 0 ? datagram[0] & 0xFF : 0;
        int second = datagram.length > 1 ? datagram[1] & 0xFF : 0;
        if ((first & 0x3F) != FIRST_OCTET || (second & ~MORE_BIT) != (SECOND_OCTET | RESPONSE_BIT)) {
            return new NtpstatReport("", String.format(Locale.ROOT, "status word is 0x%02x%02x\n", first, second)
                    + "return data appears to be invalid based on status word\n", 2);
        }
        int status1 = datagram.length > 4 ? datagram[4] & 0xFF : 0;
        int status2 = datagram.length > 5 ? datagram[5] & 0xFF : 0;
        String payload = payload(datagram);
        StringBuilder out = new StringBuilder();
        int exit;
        if (status1 >> 6 == 3) {
            out.append("unsynchronised\n");
            if ((status2 & 0x0F) == 1) {
                out.append("  time server re-starting\n");
            }
            exit = 1;
        } else {
            exit = 0;
            out.append("synchronised to ");
            int source = status1 & 0x3F;
            out.append(source < SOURCES.length ? SOURCES[source] : "unknown source");
            if (source == SOURCE_NTP) {
                Optional<String> refid = value(payload, "refid=");
                if (refid.isEmpty()) {
                    exit = 1;
                    out.append(" <IP unknown>");
                } else if (refid.get().isEmpty() || refid.get().length() > 16) {
                    out.append(" <IP unreadable>");
                } else {
                    out.append(" (").append(refid.get()).append(')');
                }
            }
            Optional<String> stratum = value(payload, "stratum=");
            if (stratum.isEmpty()) {
                exit = 1;
                out.append(", stratum unknown\n");
            } else if (stratum.get().isEmpty() || stratum.get().length() > 2) {
                out.append(", stratum unreadable\n");
            } else {
                out.append(" at stratum ").append(stratum.get()).append(" \n");
            }
            Optional<String> dispersion = value(payload, "rootdisp=");
            Optional<String> delay = value(payload, "rootdelay=");
            if (dispersion.isEmpty() || delay.isEmpty()) {
                exit = 1;
                out.append("accuracy unknown\n");
            } else if (unreadable(dispersion.get()) || unreadable(delay.get())) {
                out.append("accuracy unreadable\n");
            } else {
                double within = atof(dispersion.get()) + atof(delay.get()) / 2.0;
                out.append("   time correct to within ")
                        .append(new BigDecimal(within).setScale(0, RoundingMode.HALF_EVEN).toPlainString()).append(" ms\n");
            }
        }
        Optional<String> poll = value(payload, "tc=");
        if (poll.isEmpty()) {
            exit = 1;
            out.append("poll interval unknown\n");
        } else if (poll.get().isEmpty() || poll.get().length() > 2) {
            out.append("poll interval unreadable\n");
        } else {
            out.append("   polling server every ").append(1 << atoi(poll.get())).append(" s\n");
        }
        return new NtpstatReport(out.toString(), "", exit);
    }

    private static boolean unreadable(String value) {
        return value.isEmpty() || value.length() > 10;
    }

    /** The data after the header, at most 468 octets, up to the first NUL. */
    private static String payload(byte[] datagram) {
        int end = HEADER;
        while (end < datagram.length && end < HEADER + PAYLOAD && datagram[end] != 0) {
            end++;
        }
        return end <= HEADER ? "" : new String(datagram, HEADER, end - HEADER, StandardCharsets.ISO_8859_1);
    }

    /** {@code strstr} then {@code strtok(",")}: the text after the first occurrence, to the next comma. */
    private static Optional<String> value(String payload, String key) {
        int at = payload.indexOf(key);
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + key.length();
        while (start < payload.length() && payload.charAt(start) == ',') {
            start++;
        }
        int comma = payload.indexOf(',', start);
        return Optional.of(payload.substring(start, comma < 0 ? payload.length() : comma));
    }

    /** C's {@code atof}: the longest leading decimal number, 0 if none. */
    private static double atof(String text) {
        Matcher m = LEADING_NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }

    /** C's {@code atoi}. */
    private static int atoi(String text) {
        Matcher m = LEADING_INTEGER.matcher(text);
        if (!m.find()) {
            return 0;
        }
        return Integer.parseInt(m.group().trim().replace("+", ""));
    }
}
