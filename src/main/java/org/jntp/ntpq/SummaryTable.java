package org.jntp.ntpq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The summaries ntpq 4.2.8 prints one variable a line ({@code collect_display_vdc}): which
 * variables each asks for, and how it shows them. {@code sysinfo}, {@code kerninfo},
 * {@code pstats} and the counters of {@code sysstats}, {@code monstats}, {@code iostats},
 * {@code timerstats} and {@code authinfo}.
 *
 * @param rows the variables and their labels, in order
 * @param showStatus whether a {@code associd=... status=...} line comes first
 */
public record SummaryTable(List<Row> rows, boolean showStatus) {
    private static final String[] MODES = {
        "unspec", "sym_active", "sym_passive", "client", "server", "broadcast", "control", "private", "bclient",
    };
    private static final String[] LEAP_BITS = {"00", "01", "10", "11"};

    /** Copies the rows. */
    public SummaryTable {
        rows = List.copyOf(rows);
    }

    /** How a row shows its value ({@code NTP_STR}, {@code NTP_ADD}...). */
    public enum Kind {
        /** As sent, quotes removed; no row when not sent. */
        TEXT,
        /** An address and port sent as one variable ({@code peeradr}). */
        ADDRESS_WITH_PORT,
        /** An address and port sent as {@code NAMEadr} and {@code NAMEport}. */
        ADDRESS_AND_PORT,
        /** A timestamp as a date. */
        TIMESTAMP,
        /** A mode number by name. */
        MODE,
        /** Leap bits in binary. */
        LEAP
    }

    /**
     * A row.
     *
     * @param tag the variable (or for {@link Kind#ADDRESS_AND_PORT} the prefix of the two)
     * @param label the label, colon and padding included
     * @param kind how the value shows
     */
    public record Row(String tag, String label, Kind kind) {
        /** Requires all. */
        public Row {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private static Row text(String tag, String label) {
        return new Row(tag, label, Kind.TEXT);
    }

    /** {@code sysinfo}. */
    public static SummaryTable systemInfo() {
        return new SummaryTable(List.of(
                new Row("peeradr", "system peer:      ", Kind.ADDRESS_WITH_PORT),
                new Row("peermode", "system peer mode: ", Kind.MODE),
                new Row("leap", "leap indicator:   ", Kind.LEAP),
                text("stratum", "stratum:          "),
                text("precision", "log2 precision:   "),
                text("rootdelay", "root delay:       "),
                text("rootdisp", "root dispersion:  "),
                text("refid", "reference ID:     "),
                new Row("reftime", "reference time:   ", Kind.TIMESTAMP),
                text("sys_jitter", "system jitter:    "),
                text("clk_jitter", "clock jitter:     "),
                text("clk_wander", "clock wander:     "),
                text("bcastdelay", "broadcast delay:  "),
                text("authdelay", "symm. auth. delay:")), true);
    }

    /** {@code kerninfo}. */
    public static SummaryTable kernelInfo() {
        return new SummaryTable(List.of(
                text("koffset", "pll offset:          "), text("kfreq", "pll frequency:       "),
                text("kmaxerr", "maximum error:       "), text("kesterr", "estimated error:     "),
                text("kstflags", "kernel status:       "), text("ktimeconst", "pll time constant:   "),
                text("kprecis", "precision:           "), text("kfreqtol", "frequency tolerance: "),
                text("kppsfreq", "pps frequency:       "), text("kppsstab", "pps stability:       "),
                text("kppsjitter", "pps jitter:          "), text("kppscalibdur", "calibration interval "),
                text("kppscalibs", "calibration cycles:  "), text("kppsjitexc", "jitter exceeded:     "),
                text("kppsstbexc", "stability exceeded:  "), text("kppscaliberrs", "calibration errors:  ")), true);
    }

    /** {@code sysstats}. */
    public static SummaryTable systemStats() {
        return new SummaryTable(List.of(
                text("ss_uptime", "uptime:               "), text("ss_reset", "sysstats reset:       "),
                text("ss_received", "packets received:     "), text("ss_thisver", "current version:      "),
                text("ss_oldver", "older version:        "), text("ss_badformat", "bad length or format: "),
                text("ss_badauth", "authentication failed:"), text("ss_declined", "declined:             "),
                text("ss_restricted", "restricted:           "), text("ss_limited", "rate limited:         "),
                text("ss_kodsent", "KoD responses:        "), text("ss_processed", "processed for time:   ")), false);
    }

    /** {@code monstats}. */
    public static SummaryTable monitorStats() {
        return new SummaryTable(List.of(
                text("mru_enabled", "enabled:            "), text("mru_depth", "addresses:          "),
                text("mru_deepest", "peak addresses:     "), text("mru_maxdepth", "maximum addresses:  "),
                text("mru_mindepth", "reclaim above count:"), text("mru_maxage", "reclaim older than: "),
                text("mru_mem", "kilobytes:          "), text("mru_maxmem", "maximum kilobytes:  ")), false);
    }

    /** {@code iostats}. */
    public static SummaryTable ioStats() {
        return new SummaryTable(List.of(
                text("iostats_reset", "time since reset:     "), text("total_rbuf", "receive buffers:      "),
                text("free_rbuf", "free receive buffers: "), text("used_rbuf", "used receive buffers: "),
                text("rbuf_lowater", "low water refills:    "), text("io_dropped", "dropped packets:      "),
                text("io_ignored", "ignored packets:      "), text("io_received", "received packets:     "),
                text("io_sent", "packets sent:         "), text("io_sendfailed", "packet send failures: "),
                text("io_wakeups", "input wakeups:        "), text("io_goodwakeups", "useful input wakeups: ")), false);
    }

    /** {@code timerstats}. */
    public static SummaryTable timerStats() {
        return new SummaryTable(List.of(
                text("timerstats_reset", "time since reset:  "), text("timer_overruns", "timer overruns:    "),
                text("timer_xmts", "calls to transmit: ")), false);
    }

    /** {@code authinfo}. */
    public static SummaryTable authInfo() {
        return new SummaryTable(List.of(
                text("authreset", "time since reset:"), text("authkeys", "stored keys:     "),
                text("authfreek", "free keys:       "), text("authklookups", "key lookups:     "),
                text("authknotfound", "keys not found:  "), text("authkuncached", "uncached keys:   "),
                text("authkexpired", "expired keys:    "), text("authencrypts", "encryptions:     "),
                text("authdecrypts", "decryptions:     ")), false);
    }

    /** {@code pstats}. */
    public static SummaryTable peerStats() {
        return new SummaryTable(List.of(
                new Row("src", "remote host:         ", Kind.ADDRESS_AND_PORT),
                new Row("dst", "local address:       ", Kind.ADDRESS_AND_PORT),
                text("timerec", "time last received:  "), text("timer", "time until next send:"),
                text("timereach", "reachability change: "), text("sent", "packets sent:        "),
                text("received", "packets received:    "), text("badauth", "bad authentication:  "),
                text("bogusorg", "bogus origin:        "), text("oldpkt", "duplicate:           "),
                text("seldisp", "bad dispersion:      "), text("selbroken", "bad reference time:  "),
                text("candidate", "candidate order:     ")), true);
    }

    /** The variables to ask for, comma-separated, in the table's order. */
    public String request() {
        StringBuilder names = new StringBuilder();
        for (Row row : rows) {
            List<String> tags = row.kind == Kind.ADDRESS_AND_PORT ? List.of(row.tag + "adr", row.tag + "port") : List.of(row.tag);
            for (String tag : tags) {
                names.append(names.isEmpty() ? "" : ",").append(tag);
            }
        }
        return names.toString();
    }

    /** The summary of a reply to {@link #request()}. */
    public String format(int associationId, int status, byte[] data, Display display) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ResponseVariable variable : ResponseVariables.parse(data)) {
            values.put(variable.name(), variable.value());
        }
        StringBuilder out = new StringBuilder();
        if (showStatus) {
            StatusType type = StatusType.of(associationId);
            out.append("associd=").append(associationId).append(" status=").append(String.format(Locale.ROOT, "%04x", status))
                    .append(' ').append(type.describe(status)).append(",\n");
        }
        for (Row row : rows) {
            String value = values.get(row.tag);
            String shown = switch (row.kind) {
                case TEXT -> value == null ? null : unquoted(value);
                case ADDRESS_WITH_PORT -> display.hostWithPort(
                        value == null ? NetAddress.unspecified() : NetAddress.parse(value).orElse(NetAddress.unspecified()));
                case ADDRESS_AND_PORT -> display.hostWithPort(addressAndPort(values.get(row.tag + "adr"), values.get(row.tag + "port")));
                case TIMESTAMP -> PrettyDate.format(value == null ? 0 : LongFixed.fromTimestamp(value).orElse(0), display);
                case MODE -> value == null ? null : mode(NtpqIntegers.parseUnsigned(value).orElse(0));
                case LEAP -> value == null ? null : LEAP_BITS[(int) (NtpqIntegers.parseUnsigned(value).orElse(0) & 3)];
            };
            if (shown != null) {
                out.append(row.label).append("  ").append(shown).append('\n');
            }
        }
        return out.toString();
    }

    private static NetAddress addressAndPort(String address, String port) {
        NetAddress parsed = address == null ? NetAddress.unspecified() : NetAddress.parse(address).orElse(NetAddress.unspecified());
        OptionalLong number = port == null ? OptionalLong.empty() : NtpqIntegers.parseUnsigned(port);
        return number.isPresent() && number.getAsLong() <= 0xFFFF ? new NetAddress(parsed.address(), (int) number.getAsLong()) : parsed;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** libntp's {@code modetoa}. */
    private static String mode(long mode) {
        return mode < MODES.length ? MODES[(int) mode] : "mode#" + mode;
    }
}
