package org.jntp.ntpq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jntp.protocol.control.PeerStatus;

/**
 * One line of ntpq 4.2.8's peer tables ({@code doprintpeers}), from the association's default
 * variable list: tally, remote, refid (or local address), stratum, type, when, poll, reach in
 * octal, and delay, offset and jitter (or dispersion) in milliseconds with 3 decimals.
 */
public final class PeerLine {
    private static final int MODE_ACTIVE = 1;
    private static final int MODE_PASSIVE = 2;
    private static final int MODE_CLIENT = 3;
    private static final int MODE_BROADCAST = 5;
    private static final int MODE_BCLIENT = 6;
    private static final int NTP_MINPOLL = 3;
    private static final int REMOTE_WIDTH = 15;

    private PeerLine() {}

    /** The peers' address family a {@code peers -4} or {@code peers -6} keeps; empty for all. */
    public enum Family { IPV4, IPV6 }

    /**
     * The {@code server (local)} column ntpq puts before each row when several hosts are asked.
     *
     * @param width ntpq's {@code maxhostlen}
     * @param currentHost the host asked, as given
     * @param currentHostIsNumber whether it was given as an address (then cut from the left)
     */
    public record ServerColumn(int width, String currentHost, boolean currentHostIsNumber) {}

    /** As {@link #format(PeerList, int, int, byte[], Optional, Display, Optional)} for one host. */
    public static Optional<String> format(PeerList list, int associationId, int status, byte[] data,
            Optional<Family> family, Display display) {
        return format(list, associationId, status, data, family, display, Optional.empty());
    }

    /**
     * The line, ending in a newline, or empty when the source is not of the family asked for.
     *
     * @param list which table
     * @param associationId the association, shown by {@code apeers}
     * @param status the peer status word of the reply (the tally)
     * @param data the reply's variable list
     * @param family the family to keep, if any
     * @param display names, width and the current time
     * @param column the server column, when several hosts are asked
     */
    public static Optional<String> format(PeerList list, int associationId, int status, byte[] data,
            Optional<Family> family, Display display, Optional<ServerColumn> column) {
        Peer peer = Peer.read(list, ResponseVariables.parse(data));
        if (family.isPresent() && family.get() != (peer.source.isIpv4() ? Family.IPV4 : Family.IPV6)) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder();
        column.ifPresent(server -> line.append(pad(serverLocal(list, peer, server, display), server.width())).append(' '));
        int columnWidth = column.map(server -> server.width() + 1).orElse(0);
        char tally = PeerStatus.decode(status).selection().tally();
        String remote = peer.sourceHost.orElseGet(() -> display.host(peer.source));
        if (display.wide() && remote.length() > REMOTE_WIDTH) {
            line.append(tally).append(remote).append('\n').append(" ".repeat(columnWidth + REMOTE_WIDTH + 2));
        } else {
            line.append(tally).append(pad(truncate(remote, REMOTE_WIDTH), REMOTE_WIDTH)).append(' ');
        }
        String refid = peer.refidColumn.orElse("");
        line.append(VariablePrinter.visible(refid));
        if (list == PeerList.APEERS) {
            line.append(" ".repeat(Math.max(0, 9 - refid.length())));
            line.append(pad(Integer.toString(associationId), 6));
        } else {
            line.append(" ".repeat(Math.max(0, REMOTE_WIDTH - refid.length())));
        }
        int pollSeconds = 1 << Math.min(peer.peerPoll, peer.hostPoll);
        // ntpq's " %2d %c %4.4s %4.4s  %3o  %7.7s %8.7s %7.7s\n" by hand: java.util.Formatter's
        // first use loads the locale data, a fifth of the time of an ntpq -p.
        line.append(' ').append(right(Long.toString(peer.stratum), 2))
                .append(' ').append(peer.type())
                .append(' ').append(right(truncate(interval(peer.when(display.nowNtpSeconds())), 4), 4))
                .append(' ').append(right(truncate(interval(pollSeconds), 4), 4))
                .append("  ").append(right(Long.toOctalString(peer.reach), 3))
                .append("  ").append(right(truncate(LongFixed.millis(peer.delay, 3), 7), 7))
                .append(' ').append(right(truncate(LongFixed.millis(peer.offset, 3), 7), 8))
                .append(' ').append(right(truncate(LongFixed.millis(peer.jitter.orElse(peer.dispersion), 3), 7), 7))
                .append('\n');
        return Optional.of(line.toString());
    }

    /**
     * The same source as a JSON object ({@code ntpq --json}), with ntpq's column names: tally,
     * remote, refid, st, t, when (seconds, null before any packet), poll (seconds), reach (the
     * register, not octal), and delay, offset and jitter in milliseconds with 3 decimals.
     */
    static Optional<Map<String, Object>> json(PeerList list, int associationId, int status, byte[] data,
            Optional<Family> family, Display display) {
        Peer peer = Peer.read(list, ResponseVariables.parse(data));
        if (family.isPresent() && family.get() != (peer.source.isIpv4() ? Family.IPV4 : Family.IPV6)) {
            return Optional.empty();
        }
        long when = peer.when(display.nowNtpSeconds());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("associd", Json.Number.of(associationId));
        row.put("tally", String.valueOf(PeerStatus.decode(status).selection().tally()));
        row.put("remote", peer.sourceHost.orElseGet(() -> display.host(peer.source)));
        row.put("refid", peer.refidColumn.orElse(""));
        row.put("st", Json.Number.of(peer.stratum));
        row.put("t", String.valueOf(peer.type()));
        row.put("when", when > 0 ? Json.Number.of(when) : null);
        row.put("poll", Json.Number.of(1L << Math.min(peer.peerPoll, peer.hostPoll)));
        row.put("reach", Json.Number.of(peer.reach));
        row.put("delay", new Json.Number(LongFixed.millis(peer.delay, 3)));
        row.put("offset", new Json.Number(LongFixed.millis(peer.offset, 3)));
        row.put(peer.jitter.isPresent() ? "jitter" : "disp",
                new Json.Number(LongFixed.millis(peer.jitter.orElse(peer.dispersion), 3)));
        return Optional.of(row);
    }

    /**
     * What the server column shows for a row: the association's local address in the peers and
     * apeers tables ({@code nntohost_col}), else the host asked, an address cut from the left.
     */
    private static String serverLocal(PeerList list, Peer peer, ServerColumn column, Display display) {
        if (list != PeerList.OPEERS && peer.localAddress.isPresent()) {
            NetAddress local = peer.localAddress.get();
            if (!display.showHostNames() || local.isUnspecified()) {
                return Peer.truncateLeft(local.text(), column.width());
            }
            return local.isRefclock() ? local.refclockText() : truncate(display.host(local), column.width());
        }
        return column.currentHostIsNumber() ? Peer.truncateLeft(column.currentHost(), column.width())
                : column.currentHost();
    }

    /** {@code prettyinterval}: seconds up to 2048, then minutes, hours, days; "-" for none. */
    static String interval(long seconds) {
        if (seconds <= 0) {
            return "-";
        }
        if (seconds <= 2048) {
            return Long.toString(seconds);
        }
        long value = (seconds + 29) / 60;
        if (value <= 300) {
            return value + "m";
        }
        value = (value + 29) / 60;
        if (value <= 96) {
            return value + "h";
        }
        return (value + 11) / 24 + "d";
    }

    private static String truncate(String s, int width) {
        return s.length() > width ? s.substring(0, width) : s;
    }

    private static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** What doprintpeers reads from the variables, defaults as it has them. */
    private static final class Peer {
        NetAddress source = NetAddress.unspecified();
        Optional<String> sourceHost = Optional.empty();
        Optional<String> refidColumn = Optional.empty();
        char addressType = '?';
        Optional<NetAddress> localAddress = Optional.empty();
        long hostMode;
        long stratum;
        int hostPoll;
        int peerPoll;
        long reach;
        long delay;
        long offset;
        OptionalLong jitter = OptionalLong.empty();
        long dispersion;
        long receiveTime;
        long referenceTime;

        static Peer read(PeerList list, List<ResponseVariable> variables) {
            Peer peer = new Peer();
            for (ResponseVariable variable : variables) {
                peer.take(list, variable.name(), variable.value());
            }
            return peer;
        }

        private void take(PeerList list, String name, String value) {
            switch (name) {
                case "srcadr", "peeradr" -> NetAddress.parse(value).ifPresent(a -> source = a);
                case "srchost" -> {
                    if (list != PeerList.OPEERS && value.length() > 2) {
                        sourceHost = Optional.of(value.substring(1, value.length() - 1));
                    }
                }
                case "dstadr" -> NetAddress.parse(value).ifPresent(a -> {
                    addressType = addressType(a);
                    localAddress = Optional.of(a);
                    if (list == PeerList.OPEERS) {
                        refidColumn = Optional.of(truncateLeft(a.text(), REMOTE_WIDTH));
                    }
                });
                case "hmode" -> hostMode = NtpqIntegers.decodeSigned(value).orElse(hostMode);
                case "refid" -> {
                    if (list != PeerList.OPEERS) {
                        refidColumn = refid(list, value);
                    }
                }
                case "stratum" -> stratum = NtpqIntegers.decodeUnsigned(value).orElse(stratum);
                case "hpoll" -> hostPoll = poll(value, hostPoll);
                case "ppoll" -> peerPoll = poll(value, peerPoll);
                case "reach" -> reach = NtpqIntegers.decodeUnsigned(value).orElse(reach);
                case "delay" -> delay = LongFixed.fromMillis(value).orElse(delay);
                case "offset" -> offset = LongFixed.fromMillis(value).orElse(offset);
                case "jitter" -> {
                    OptionalLong lfp = LongFixed.fromMillis(value);
                    if (list != PeerList.OPEERS && lfp.isPresent()) {
                        jitter = lfp;
                    }
                }
                case "rootdisp", "dispersion" -> dispersion = LongFixed.fromMillis(value).orElse(dispersion);
                case "rec" -> receiveTime = LongFixed.fromTimestamp(value).orElse(receiveTime);
                case "reftime" -> referenceTime = LongFixed.fromTimestamp(value).orElse(0);
                default -> { }
            }
        }

        private static int poll(String value, int previous) {
            OptionalLong poll = NtpqIntegers.decodeSigned(value);
            if (poll.isEmpty()) {
                return previous;
            }
            return poll.getAsLong() < 0 ? NTP_MINPOLL : (int) poll.getAsLong();
        }

        /** The refid column: a kiss code or stratum-1 refid in dots, else an address. */
        private static Optional<String> refid(PeerList list, String value) {
            if (value.isEmpty()) {
                return Optional.of("");
            }
            if (value.length() <= 4) {
                StringBuilder text = new StringBuilder(".");
                for (char c : value.toCharArray()) {
                    text.append(c > ' ' && c < 0x7F ? c : '?');
                }
                return Optional.of(text.append('.').toString());
            }
            return NetAddress.parse(value).map(a -> {
                if (a.isUnspecified()) {
                    return "0.0.0.0";
                }
                if (a.isRefclock()) {
                    return a.refclockText();
                }
                return list == PeerList.APEERS && a.isIpv4() ? Integer.toHexString(a.ipv4Bits()) : a.text();
            });
        }

        /** {@code decodeaddrtype}: what the local address says of the association. */
        private static char addressType(NetAddress address) {
            if (!address.isIpv4()) {
                return address.isMulticast() ? 'm' : 'u';
            }
            int bits = address.ipv4Bits();
            if ((bits & 0xF000_0000) == 0xE000_0000) {
                return 'm';
            }
            if ((bits & 0xFF) == 0xFF) {
                return 'b';
            }
            if (bits == 0x7F00_0001) {
                return 'l';
            }
            return (bits & 0xFFFF_FFE0) == 0 ? '-' : 'u';
        }

        /** {@code trunc_left}: the last characters, the first shown as {@code _}. */
        private static String truncateLeft(String s, int width) {
            return s.length() > width ? "_" + s.substring(s.length() + 1 - width) : s;
        }

        char type() {
            return switch ((int) hostMode) {
                case MODE_BCLIENT -> 'b';
                case MODE_BROADCAST -> source.isMulticast() ? 'M' : 'B';
                case MODE_CLIENT -> source.isRefclock() ? 'l' : source.isUnspecified() ? 'p'
                        : source.isMulticast() ? 'a' : 'u';
                case MODE_ACTIVE -> 's';
                case MODE_PASSIVE -> 'S';
                default -> addressType;
            };
        }

        /** {@code when}: seconds since the last packet (or the reference time), as an unsigned 32-bit difference. */
        long when(long nowNtpSeconds) {
            long last = LongFixed.seconds(receiveTime) != 0 ? receiveTime
                    : LongFixed.seconds(referenceTime) != 0 ? referenceTime : 0;
            if (last == 0) {
                return 0;
            }
            return (nowNtpSeconds - LongFixed.seconds(last)) & 0xFFFF_FFFFL;
        }
    }
}
