package org.jntp.server.control;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jntp.config.SetVar;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.VariableValue;
import org.jntp.server.Counter;

/**
 * ntpd 4.2.8's system variables ({@code sys_var}, {@code ctl_putsys}), then NTPsec's NTS
 * counters: the names they know and the values we have for them. Names we have no value for (the
 * kernel, I/O and authentication statistics, {@code mru_enabled}) are known, so asking for one is
 * no error, but left out.
 */
final class SystemVariableTable {
    /** The names of ntpd 4.2.8's {@code sys_var}, in its order (AUTOKEY builds add more). */
    static final VariableTable TABLE = new VariableTable(List.of(
            "leap", "stratum", "precision", "rootdelay", "rootdisp", "refid", "reftime", "tc", "peer", "offset",
            "frequency", "sys_jitter", "clk_jitter", "clock", "processor", "system", "version", "clk_wander",
            "sys_var_list", "tai", "leapsec", "expire", "mintc", "mru_enabled", "mru_depth", "mru_deepest",
            "mru_mindepth", "mru_maxage", "mru_maxdepth", "mru_mem", "mru_maxmem", "ss_uptime", "ss_reset",
            "ss_received", "ss_thisver", "ss_oldver", "ss_badformat", "ss_badauth", "ss_declined",
            "ss_restricted", "ss_limited", "ss_kodsent", "ss_processed", "ss_lamport", "ss_tsrounding", "peeradr",
            "peermode", "bcastdelay", "authdelay", "authkeys", "authfreek", "authklookups", "authknotfound",
            "authkuncached", "authkexpired", "authencrypts", "authdecrypts", "authreset", "koffset", "kfreq",
            "kmaxerr", "kesterr", "kstflags", "ktimeconst", "kprecis", "kfreqtol", "kppsfreq", "kppsstab",
            "kppsjitter", "kppscalibdur", "kppscalibs", "kppscaliberrs", "kppsjitexc", "kppsstbexc",
            "iostats_reset", "total_rbuf", "free_rbuf", "used_rbuf", "rbuf_lowater", "io_dropped", "io_ignored",
            "io_received", "io_sent", "io_sendfailed", "io_wakeups", "io_goodwakeups", "timerstats_reset",
            "timer_overruns", "timer_xmts", "fuzz", "clk_wander_threshold", "leapsmearinterval",
            "leapsmearoffset",
            // NTPsec's, in the order its ntpq's "nts" (ntsinfo) asks for them: unknown names
            // would make it ask again one at a time and print an error line
            "nts_client_send", "nts_client_recv_good", "nts_client_recv_bad", "nts_server_recv_good",
            "nts_server_recv_bad", "nts_server_send", "nts_cookie_make", "nts_cookie_decode",
            "nts_cookie_decode_old", "nts_cookie_decode_old2", "nts_cookie_decode_older",
            "nts_cookie_decode_too_old", "nts_cookie_decode_error", "nts_ke_probes_good", "nts_ke_probes_bad",
            "nts_ke_serves_good", "nts_ke_serves_bad"),
            // def_sys_var: Debian's C ntpstat reads only the first fragment, and everything it
            // needs (leap in the status word, stratum, rootdelay, rootdisp, refid, tc) comes
            // within ntpd's first 13 variables, which fit one fragment with room to spare
            List.of("version", "processor", "system", "leap", "stratum", "precision", "rootdelay", "rootdisp",
                    "refid", "reftime", "clock", "peer", "tc", "mintc", "offset", "frequency", "sys_jitter",
                    "clk_jitter", "clk_wander", "tai", "leapsec", "expire", "leapsmearinterval",
                    "leapsmearoffset"));

    private static final int MODE_UNSPEC = 0;
    /** A value holding one of these cannot go without quotes. */
    private static final String NEEDS_QUOTES = ", \t\"\r\n";

    private SystemVariableTable() {}

    /**
     * ntpd's table with the variables {@code setvar} and saveconfig add after its own, as
     * {@code set_sys_var} appends them; those marked default are sent for a plain {@code rv} too.
     */
    static VariableTable with(List<SetVar> user) {
        if (user.isEmpty()) {
            return TABLE;
        }
        List<String> names = new ArrayList<>(TABLE.names());
        List<String> defaults = new ArrayList<>(TABLE.defaults());
        for (SetVar variable : user) {
            if (!names.contains(variable.name())) {
                names.add(variable.name());
                if (variable.isDefault()) {
                    defaults.add(variable.name());
                }
            }
        }
        return new VariableTable(names, defaults);
    }

    /**
     * A user variable's value as ntpd sends it, without quotes; in quotes when it holds a comma,
     * blank or quote that would cut it short for ntpq.
     */
    static VariableValue userValue(SetVar variable) {
        String value = variable.value();
        return value.chars().anyMatch(c -> NEEDS_QUOTES.indexOf(c) >= 0) ? new VariableValue.Text(value)
                : new VariableValue.Word(value);
    }

    /**
     * The value of {@code name} in {@code state}, read at {@code nowNanos} on the served clock;
     * the server's statistics are read only when a name needs them.
     */
    static Optional<VariableValue> value(String name, ControlState state, Supplier<ServerStatistics> statistics,
            long nowNanos) {
        SystemState system = state.system();
        Optional<AssociationState> peer = state.association(system.systemPeerId());
        return switch (name) {
            case "leap" -> some(new VariableValue.Unsigned(system.leap().code()));
            case "stratum" -> some(new VariableValue.Unsigned(system.stratum()));
            case "precision" -> some(new VariableValue.Signed(system.precisionLog2()));
            case "rootdelay" -> some(VariableValue.Fixed.millis(system.rootDelaySeconds()));
            case "rootdisp" -> some(VariableValue.Fixed.millis(system.rootDispersionSeconds()));
            case "refid" -> some(new VariableValue.RefId(new ReferenceId(system.referenceIdBits()), system.stratum()));
            case "reftime" -> some(new VariableValue.Timestamp(timestampBits(system.referenceTimeNanos())));
            case "tc" -> some(new VariableValue.Unsigned(system.pollLog2()));
            case "peer" -> some(new VariableValue.Unsigned(peer.isPresent() ? system.systemPeerId() : 0));
            case "offset" -> some(VariableValue.Fixed.millisFine(system.offsetSeconds()));
            case "frequency" -> some(new VariableValue.Fixed(system.frequencyPpm(), VariableValue.Fixed.DECIMALS));
            case "sys_jitter" -> some(VariableValue.Fixed.millisFine(system.systemJitterSeconds()));
            case "clk_jitter" -> some(VariableValue.Fixed.millis(system.clockJitterSeconds()));
            case "clock" -> some(new VariableValue.Timestamp(NtpTimestamp.bitsOfUnixNanos(nowNanos)));
            case "processor" -> some(new VariableValue.Text(system.host().processor()));
            case "system" -> some(new VariableValue.Text(system.host().system()));
            case "version" -> some(new VariableValue.Text(system.host().version()));
            case "clk_wander" -> some(new VariableValue.Fixed(system.clockWanderPpm(), VariableValue.Fixed.DECIMALS));
            case "sys_var_list" -> some(new VariableValue.Text(TABLE.nameList()));
            case "mintc" -> some(new VariableValue.Unsigned(system.minPollLog2()));
            case "peeradr" -> some(new VariableValue.Word(peer.map(p -> socketText(p.source())).orElse("0.0.0.0:0")));
            case "peermode" ->
                    some(new VariableValue.Unsigned(peer.map(AssociationState::hostMode).orElse(MODE_UNSPEC)));
            case "ss_uptime", "ss_reset" -> some(new VariableValue.Unsigned(statistics.get().uptimeSeconds()));
            case "ss_received" -> count(statistics, Counter.RECEIVED);
            case "ss_thisver" -> count(statistics, Counter.CURRENT_VERSION);
            case "ss_oldver" -> count(statistics, Counter.OLDER_VERSION);
            case "ss_badformat" -> count(statistics, Counter.BAD_FORMAT);
            case "ss_declined" -> count(statistics, Counter.DECLINED);
            case "ss_restricted" -> count(statistics, Counter.RESTRICTED);
            case "ss_limited" -> count(statistics, Counter.RATE_LIMITED);
            case "ss_kodsent" -> count(statistics, Counter.KOD_SENT);
            case "ss_processed" -> count(statistics, Counter.ANSWERED);
            case "ss_badauth" -> count(statistics, Counter.AUTHENTICATION_FAILED);
            // neither of ntpd's timestamp workarounds
            case "ss_lamport", "ss_tsrounding" -> some(new VariableValue.Unsigned(0));
            // NTPsec counts a request with NTS fields as received with error unless it answers it:
            // its cookie does not open, its Authenticator does not verify, or its fields are malformed
            case "nts_server_recv_good", "nts_server_send" -> count(statistics, Counter.NTS_ANSWERED);
            case "nts_server_recv_bad" -> some(new VariableValue.Unsigned(statistics.get().count(Counter.NTS_NAK_SENT)
                    + statistics.get().count(Counter.NTS_AUTH_FAILED) + statistics.get().count(Counter.NTS_MALFORMED)));
            case "nts_client_send" -> count(statistics, Counter.NTS_CLIENT_SENT);
            case "nts_client_recv_good" -> count(statistics, Counter.NTS_CLIENT_AUTHENTIC);
            case "nts_client_recv_bad" -> count(statistics, Counter.NTS_CLIENT_UNAUTHENTIC);
            case "nts_cookie_make" -> count(statistics, Counter.NTS_COOKIE_MADE);
            case "nts_cookie_decode" -> count(statistics, Counter.NTS_COOKIE_OPENED_CURRENT);
            case "nts_cookie_decode_old" -> count(statistics, Counter.NTS_COOKIE_OPENED_PREVIOUS);
            // NTPsec's keys two and more rotations old: the ring no longer holds them, so such a
            // cookie is counted as too old
            case "nts_cookie_decode_old2", "nts_cookie_decode_older" -> some(new VariableValue.Unsigned(0));
            case "nts_cookie_decode_too_old" -> count(statistics, Counter.NTS_COOKIE_KEY_NOT_HELD);
            case "nts_cookie_decode_error" -> count(statistics, Counter.NTS_COOKIE_INVALID);
            case "nts_ke_probes_good" -> count(statistics, Counter.NTS_KE_CLIENT_GOOD);
            case "nts_ke_probes_bad" -> count(statistics, Counter.NTS_KE_CLIENT_BAD);
            case "nts_ke_serves_good" -> count(statistics, Counter.NTS_KE_SERVED_GOOD);
            case "nts_ke_serves_bad" -> count(statistics, Counter.NTS_KE_SERVED_BAD);
            case "mru_depth", "mru_deepest" -> some(new VariableValue.Unsigned(statistics.get().mruDepth()));
            case "mru_maxdepth" -> some(new VariableValue.Unsigned(statistics.get().mruMaxDepth()));
            case "mru_mindepth" -> some(new VariableValue.Unsigned(statistics.get().mruMinDepth()));
            case "mru_maxage" -> some(new VariableValue.Unsigned(statistics.get().mruMaxAgeSeconds()));
            case "mru_mem" -> some(new VariableValue.Unsigned(ServerStatistics.kilobytes(statistics.get().mruDepth())));
            case "mru_maxmem" ->
                    some(new VariableValue.Unsigned(ServerStatistics.kilobytes(statistics.get().mruMaxDepth())));
            case "leapsmearinterval" -> system.leapSmearIntervalSeconds() > 0
                    ? some(new VariableValue.Unsigned(system.leapSmearIntervalSeconds())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<VariableValue> count(Supplier<ServerStatistics> statistics, Counter counter) {
        return some(new VariableValue.Unsigned(statistics.get().count(counter)));
    }

    private static Optional<VariableValue> some(VariableValue value) {
        return Optional.of(value);
    }

    /** An NTP timestamp of a Unix time; 0 stays 0, as ntpd shows a time never set. */
    static long timestampBits(long unixNanos) {
        return unixNanos == 0 ? 0 : NtpTimestamp.bitsOfUnixNanos(unixNanos);
    }

    /** An address and port as ntpd's {@code sptoa} writes them: {@code 192.0.2.1:123}, {@code [::1]:123}. */
    static String socketText(InetSocketAddress address) {
        String host = new VariableValue.Address(address.getAddress()).text();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
