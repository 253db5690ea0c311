package org.jntp.ntpq;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The table {@code reslist} prints from a READ_ORDLIST_A answer, as ntpq 4.2.8's {@code reslist}
 * does: the four items of each restrict entry gathered by their {@code .N} suffix, a row printed
 * once all four are in (the address with its prefix length, or with its mask when that is not a
 * prefix), and the whole given up when the rows come out of order. Unlike ifstats', its warnings
 * for an incomplete row end with no line break.
 */
final class RestrictionList {
    static final String HEADER = "   hits    addr/prefix or addr mask\n" + "           restrictions\n"
            + "=".repeat(78) + "\n";
    /** ntpq's {@code RESLIST_FIELDS}. */
    private static final int FIELDS = 4;
    /** ntpq's {@code sizeof(row.flagstr)}: longer flag lists are not taken. */
    private static final int FLAGS_SIZE = 128;

    private RestrictionList() {}

    /** One row as ntpq's {@code reslist_row} collects it. */
    private static final class Row {
        long index;
        NetAddress address = NetAddress.unspecified();
        NetAddress mask = NetAddress.unspecified();
        long hits;
        String flags = "";

        void clear() {
            address = NetAddress.unspecified();
            mask = NetAddress.unspecified();
            hits = 0;
            flags = "";
        }
    }

    /** The header and the rows of the answer's variables. */
    static OrderedListing format(List<ResponseVariable> variables) {
        StringBuilder out = new StringBuilder(HEADER);
        Row row = new Row();
        int fields = 0;
        for (ResponseVariable variable : variables) {
            OptionalLong taken = take(variable, row);
            if (taken.isEmpty()) {
                continue;
            }
            long index = taken.getAsLong();
            if (index != row.index) {
                if (index != row.index + 1) {
                    return new OrderedListing(out.toString(), Optional.of(String.format(Locale.ROOT,
                            "received reslist index %d, have %d of %d fields for index %d, aborting.",
                            index, fields, FIELDS, row.index)));
                }
                if (fields < FIELDS) {
                    out.append(incomplete(fields));
                }
                fields = 0;
                row.index = index;
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
        return "Warning: incomplete row with " + fields + " (of " + FIELDS + ") fields";
    }

    /** Takes one item into the row when ntpq understands it: its row number then, else empty. */
    private static OptionalLong take(ResponseVariable variable, Row row) {
        String tag = variable.name();
        String value = variable.value();
        if (tag.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong index;
        boolean taken;
        switch (tag.charAt(0)) {
            case 'a' -> {
                index = ScanfNumbers.index(tag, "addr.");
                Optional<NetAddress> address = index.isPresent() ? NetAddress.parse(value) : Optional.empty();
                address.ifPresent(a -> row.address = a);
                taken = address.isPresent();
            }
            case 'f' -> {
                index = ScanfNumbers.index(tag, "flags.");
                taken = index.isPresent() && value.length() < FLAGS_SIZE;
                if (index.isPresent()) {
                    row.flags = taken ? value : "";
                }
            }
            case 'h' -> {
                index = ScanfNumbers.index(tag, "hits.");
                OptionalLong hits = index.isPresent() ? ScanfNumbers.unsigned64(value) : OptionalLong.empty();
                hits.ifPresent(h -> row.hits = h);
                taken = hits.isPresent();
            }
            case 'm' -> {
                index = ScanfNumbers.index(tag, "mask.");
                Optional<NetAddress> mask = index.isPresent() ? NetAddress.parse(value) : Optional.empty();
                mask.ifPresent(m -> row.mask = m);
                taken = mask.isPresent();
            }
            default -> {
                index = OptionalLong.empty();
                taken = false;
            }
        }
        return taken ? index : OptionalLong.empty();
    }

    private static void print(Row row, StringBuilder out) {
        int prefix = prefixLength(row.mask.address());
        String addressMask = prefix >= 0 ? row.address.text() + "/" + prefix
                : row.address.text() + " " + row.mask.text();
        out.append(String.format(Locale.ROOT, "%10s %s\n           %s\n", Long.toUnsignedString(row.hits),
                addressMask, row.flags));
    }

    /** libntp's {@code sockaddr_masktoprefixlen}: the count of leading one bits, or -1 when ones follow a zero. */
    static int prefixLength(InetAddress mask) {
        byte[] octets = mask.getAddress();
        int ones = 0;
        while (ones < octets.length * 8 && (octets[ones / 8] & (0x80 >>> (ones % 8))) != 0) {
            ones++;
        }
        for (int bit = ones; bit < octets.length * 8; bit++) {
            if ((octets[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return -1;
            }
        }
        return ones;
    }
}
