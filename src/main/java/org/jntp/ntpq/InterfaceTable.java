package org.jntp.ntpq;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The table {@code ifstats} prints from a READ_ORDLIST_A answer, as ntpq 4.2.8's {@code ifstats}
 * does: the items of each address gathered by their {@code .N} suffix, a row printed once all
 * twelve are in, a warning for a row left incomplete, and the whole given up when an item of an
 * earlier row comes after a later one.
 */
final class InterfaceTable {
    static final String HEADER = "    interface name                                        send\n"
            + " #  address/broadcast     drop flag ttl mc received sent failed peers   uptime\n"
            + "=".repeat(78) + "\n";
    /** ntpq's {@code IFSTATS_FIELDS}. */
    private static final int FIELDS = 12;
    /** ntpq's {@code sizeof(row.name)}: longer names are not taken. */
    private static final int NAME_SIZE = 32;

    private InterfaceTable() {}

    /** One row as ntpq's {@code ifstats_row} collects it. */
    private static final class Row {
        long ifnum;
        NetAddress address = NetAddress.unspecified();
        Optional<NetAddress> broadcast = Optional.empty();
        long enabled;
        long flags;
        long ttl;
        long multicastCount;
        String name = "";
        long peerCount;
        long received;
        long sent;
        long sendErrors;
        long uptime;

        void clear() {
            address = NetAddress.unspecified();
            broadcast = Optional.empty();
            enabled = 0;
            flags = 0;
            ttl = 0;
            multicastCount = 0;
            name = "";
            peerCount = 0;
            received = 0;
            sent = 0;
            sendErrors = 0;
            uptime = 0;
        }
    }

    /** The header and the rows of the answer's variables. */
    static OrderedListing format(List<ResponseVariable> variables) {
        StringBuilder out = new StringBuilder(HEADER);
        Row row = new Row();
        int fields = 0;
        for (ResponseVariable variable : variables) {
            OptionalLong index = take(variable, row);
            if (index.isEmpty()) {
                continue;
            }
            long ifnum = index.getAsLong();
            if (ifnum != row.ifnum) {
                if (ifnum < row.ifnum) {
                    return new OrderedListing(out.toString(), Optional.of(String.format(Locale.ROOT,
                            "received if index %d, have %d of %d fields for index %d, aborting.",
                            ifnum, fields, FIELDS, row.ifnum)));
                }
                if (fields < FIELDS) {
                    out.append(incomplete(fields));
                }
                fields = 0;
                row.ifnum = ifnum;
            }
            fields++;
            if (fields >= FIELDS) {
                print(row, out);
                row.clear();
            }
        }
        if (fields != FIELDS) {
            out.append(incomplete(fields));
        }
        return new OrderedListing(out.toString(), Optional.empty());
    }

    private static String incomplete(int fields) {
        return "Warning: incomplete row with " + fields + " (of " + FIELDS + ") fields\n";
    }

    /** Takes one item into the row when ntpq understands it: its row number then, else empty. */
    private static OptionalLong take(ResponseVariable variable, Row row) {
        String tag = variable.name();
        String value = variable.value();
        if (tag.isEmpty()) {
            return OptionalLong.empty();
        }
        return switch (tag.charAt(0)) {
            case 'a' -> when(ScanfNumbers.index(tag, "addr."), () -> NetAddress.parse(value).map(a -> {
                row.address = a;
                return true;
            }).orElse(false));
            case 'b' -> when(ScanfNumbers.index(tag, "bcast."), () -> {
                if (value.isEmpty()) {
                    return true;
                }
                Optional<NetAddress> broadcast = NetAddress.parse(value);
                broadcast.ifPresent(b -> row.broadcast = broadcast);
                return broadcast.isPresent();
            });
            case 'e' -> when(ScanfNumbers.index(tag, "en."),
                    () -> set(ScanfNumbers.signed32(value), v -> row.enabled = v));
            case 'f' -> when(ScanfNumbers.index(tag, "flags."),
                    () -> set(ScanfNumbers.hex32(value), v -> row.flags = v));
            case 'm' -> when(ScanfNumbers.index(tag, "mc."),
                    () -> set(ScanfNumbers.unsigned32(value), v -> row.multicastCount = v));
            case 'n' -> when(ScanfNumbers.index(tag, "name."), () -> {
                // ntpq drops the first and last character, the quotes ntpd sends
                if (value.length() < 2 || value.length() - 2 >= NAME_SIZE) {
                    return false;
                }
                row.name = value.substring(1, value.length() - 1);
                return true;
            });
            case 'p' -> when(ScanfNumbers.index(tag, "pc."),
                    () -> set(ScanfNumbers.unsigned32(value), v -> row.peerCount = v));
            case 'r' -> when(ScanfNumbers.index(tag, "rx."),
                    () -> set(ScanfNumbers.unsigned32(value), v -> row.received = v));
            case 't' -> {
                OptionalLong ttl = when(ScanfNumbers.index(tag, "tl."),
                        () -> set(ScanfNumbers.unsigned32(value), v -> row.ttl = v));
                if (ttl.isPresent()) {
                    yield ttl;
                }
                OptionalLong sent = when(ScanfNumbers.index(tag, "tx."),
                        () -> set(ScanfNumbers.unsigned32(value), v -> row.sent = v));
                yield sent.isPresent() ? sent : when(ScanfNumbers.index(tag, "txerr."),
                        () -> set(ScanfNumbers.unsigned32(value), v -> row.sendErrors = v));
            }
            case 'u' -> when(ScanfNumbers.index(tag, "up."),
                    () -> set(ScanfNumbers.unsigned32(value), v -> row.uptime = v));
            default -> OptionalLong.empty();
        };
    }

    /** The row number when the tag had one and the value was taken. */
    private static OptionalLong when(OptionalLong index, BooleanSupplier value) {
        return index.isPresent() && value.getAsBoolean() ? index : OptionalLong.empty();
    }

    private static boolean set(OptionalLong value, LongConsumer setter) {
        value.ifPresent(setter);
        return value.isPresent();
    }

    private static void print(Row row, StringBuilder out) {
        out.append(String.format(Locale.ROOT, "%3d %-24.24s %c %4x %3d %2d %6d %6d %6d %5d %8d\n    %s\n",
                row.ifnum, row.name, row.enabled != 0 ? '.' : 'D', row.flags, row.ttl, row.multicastCount,
                row.received, row.sent, row.sendErrors, row.peerCount, (int) row.uptime,
                row.address.textWithPort()));
        row.broadcast.filter(b -> !b.isUnspecified()).ifPresent(b -> out.append("    ").append(b.textWithPort())
                .append('\n'));
    }
}
