package org.jntp.ntpq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Prints a variable list as ntpq 4.2.8 does: raw ({@code rawprint}: the text as sent) or cooked
 * ({@code cookedprint}: a few variables made readable, items wrapped at 72 columns).
 */
public final class VariablePrinter {
    private static final int MAX_LINE_LENGTH = 72;
    private static final int MAX_ARRAY = 8;
    private static final int ARRAY_NAME_WIDTH = 11;
    private static final int ARRAY_VALUE_WIDTH = 7;
    private static final String[] TEST_FLAGS = {
        "pkt_dup", "pkt_bogus", "pkt_unsync", "pkt_denied", "pkt_auth", "pkt_stratum", "pkt_header",
        "pkt_autokey", "pkt_crypto", "peer_stratum", "peer_dist", "peer_loop", "peer_unreach",
    };

    private VariablePrinter() {}

    /** How ntpq cooks a variable ({@code cookedvars}). */
    private enum Format { AS_SENT, LEAP, OCTAL, REFID, TIMESTAMP, HOST, ADDRESS, UNSIGNED_ARRAY, SIGNED_ARRAY, FLASH, SIGNED }

    private static Format formatOf(String name) {
        return switch (name) {
            case "leap" -> Format.LEAP;
            case "reach" -> Format.OCTAL;
            case "refid" -> Format.REFID;
            case "reftime", "clock", "org", "rec", "xmt" -> Format.TIMESTAMP;
            case "flash" -> Format.FLASH;
            case "srcadr", "peeradr" -> Format.HOST;
            case "dstadr" -> Format.ADDRESS;
            case "filtdelay", "filtdisp", "filterror" -> Format.UNSIGNED_ARRAY;
            case "filtoffset" -> Format.SIGNED_ARRAY;
            case "offset", "frequency" -> Format.SIGNED;
            default -> Format.AS_SENT;
        };
    }

    /**
     * Raw mode: {@code status=0x....,} unless quiet, then the data with CR LF made LF and other
     * unprintable characters shown as {@code cat -v} shows them.
     */
    public static String raw(byte[] data, int status, boolean quiet) {
        StringBuilder out = new StringBuilder();
        if (!quiet) {
            out.append(String.format(Locale.ROOT, "status=0x%04x,\n", status));
        }
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xFF;
            if (c == '\r') {
                if (i == data.length - 1 || data[i + 1] != '\n') {
                    out.append("^M");
                }
            } else if (c == ' ' || c >= '\t' && c <= '\r' || c > ' ' && c < 0x7F) {
                out.append((char) c);
            } else {
                appendVisible(out, c);
            }
        }
        return out.toString();
    }

    /** Cooked mode: {@code status=.... words,} unless quiet, then the variables. */
    public static String cooked(byte[] data, int status, StatusType type, boolean quiet, Display display) {
        StringBuilder out = new StringBuilder();
        if (!quiet) {
            out.append(String.format(Locale.ROOT, "status=%04x %s,\n", status, type.describe(status)));
        }
        Lines lines = new Lines(out);
        for (ResponseVariable variable : ResponseVariables.parse(data)) {
            String name = variable.name();
            String value = variable.value();
            String cooked = cook(formatOf(name), name, value, display);
            lines.add(visible(name), cooked != null ? cooked : visible(value) + (formatOf(name) == Format.AS_SENT
                    || formatOf(name) == Format.SIGNED ? "" : "?"));
        }
        lines.end();
        return out.toString();
    }

    /** The cooked value, or null to print the value as sent (marked {@code ?} if it should have cooked). */
    private static String cook(Format format, String name, String value, Display display) {
        return switch (format) {
            case AS_SENT -> null;
            case TIMESTAMP -> {
                OptionalLong lfp = LongFixed.fromTimestamp(value);
                yield lfp.isPresent() ? PrettyDate.format(lfp.getAsLong(), display) : null;
            }
            case HOST -> NetAddress.parse(value).map(display::host).orElse(null);
            case ADDRESS -> NetAddress.parse(value).map(NetAddress::text).orElse(null);
            case REFID -> NetAddress.parse(value)
                    .map(a -> a.isRefclock() ? a.refclockText() : a.text())
                    .orElse(value.length() <= 4 ? value : null);
            case LEAP -> {
                OptionalLong leap = NtpqIntegers.decodeUnsigned(value);
                yield leap.isPresent() && leap.getAsLong() <= 3
                        ? "" + (leap.getAsLong() >> 1) + (leap.getAsLong() & 1) : null;
            }
            case OCTAL -> {
                OptionalLong reach = NtpqIntegers.decodeUnsigned(value);
                yield reach.isPresent() ? String.format(Locale.ROOT, "%03o", reach.getAsLong()) : null;
            }
            case UNSIGNED_ARRAY, SIGNED_ARRAY -> array(name, value, format == Format.SIGNED_ARRAY);
            case FLASH -> {
                OptionalLong flash = NtpqIntegers.decodeUnsigned(value);
                yield flash.isPresent() ? testFlags(flash.getAsLong()) : null;
            }
            case SIGNED -> !value.isEmpty() && value.charAt(0) >= '0' && value.charAt(0) <= '9' ? "+" + visible(value) : null;
        };
    }

    /** {@code outputarr}: up to 8 values in ms, 2 decimals, each right-aligned in 7 columns, aligned after the name. */
    private static String array(String name, String value, boolean signed) {
        List<Long> values = new ArrayList<>();
        for (String word : value.trim().split("\\s+")) {
            if (word.isEmpty() || values.size() == MAX_ARRAY) {
                continue;
            }
            OptionalLong lfp = LongFixed.fromMillis(word);
            if (lfp.isEmpty()) {
                return null;
            }
            values.add(lfp.getAsLong());
        }
        StringBuilder text = new StringBuilder(" ".repeat(Math.max(0, ARRAY_NAME_WIDTH - name.length())));
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            String ms = signed ? LongFixed.millis(values.get(i), 2) : LongFixed.unsignedMillis(values.get(i), 2);
            ms = ms.length() > ARRAY_VALUE_WIDTH ? ms.substring(0, ARRAY_VALUE_WIDTH) : ms;
            text.append(" ".repeat(ARRAY_VALUE_WIDTH - ms.length())).append(ms);
        }
        return text.toString();
    }

    /** {@code tstflags}: the flash bits in hex and by name. */
    static String testFlags(long flash) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%02x", flash));
        if (flash == 0) {
            return text.append(" ok").toString();
        }
        String separator = " ";
        for (int i = 0; i < TEST_FLAGS.length; i++) {
            if ((flash >> i & 1) != 0) {
                text.append(separator).append(TEST_FLAGS[i]);
                separator = ", ";
            }
        }
        return text.toString();
    }

    /** {@code atoascii}: the text as {@code cat -v} shows it, up to a NUL. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b == 0) {
                break;
            }
            int c = b & 0xFF;
            if (c >= ' ' && c < 0x7F) {
                out.append((char) c);
            } else {
                appendVisible(out, c);
            }
        }
        return out.toString();
    }

    private static void appendVisible(StringBuilder out, int c) {
        if ((c & 0x80) != 0) {
            out.append("M-");
            c &= 0x7F;
        }
        if (c < ' ') {
            out.append('^').append((char) (c + '@'));
        } else if (c == 0x7F) {
            out.append("^?");
        } else {
            out.append((char) c);
        }
    }

    /** ntpq's {@code output}/{@code endoutput}: items joined by ", ", or ",\n" before one that would pass 72 columns. */
    static final class Lines {
        private final StringBuilder out;
        private int chars;
        private int lineLength;

        Lines(StringBuilder out) {
            this.out = out;
        }

        void add(String name, String value) {
            int length = name.length() + 1 + value.length();
            if (chars > 0) {
                chars += 2;
                if (lineLength + length + 2 > MAX_LINE_LENGTH) {
                    out.append(",\n");
                    lineLength = 0;
                } else {
                    out.append(", ");
                    lineLength += 2;
                }
            }
            out.append(name).append('=').append(value);
            chars += length;
            lineLength += length;
        }

        void end() {
            if (chars != 0) {
                out.append('\n');
            }
        }
    }
}
