package org.jntp.ntpq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One READ_MRU answer as ntpq's {@code collect_mru_list} reads it: the rows, each complete once
 * its {@code addr.N}, {@code last.N}, {@code first.N}, {@code ct.N}, {@code mv.N} and {@code rs.N}
 * have come with N the row's index; the fresh {@code nonce}; and {@code now}, which ends the list.
 * Items it does not know, or for another index, are passed over, as ntpq does.
 *
 * @param entries the complete rows, oldest first
 * @param nonce the nonce for the next request, if one came
 * @param nowBits the server's time when the list ended, if it did (l_fp bits)
 */
record MruReply(List<MruEntry> entries, Optional<String> nonce, OptionalLong nowBits) {
    private static final Pattern INDEXED = Pattern.compile("(addr|last|first|ct|mv|rs)\\.(\\d{1,9})");
    private static final Pattern TIMESTAMP = Pattern.compile("0x([0-9a-fA-F]{1,8})\\.([0-9a-fA-F]{1,8})");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,9}");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{1,4})");
    private static final int MODE_BITS = 0x7;

    /** Copies the rows. */
    MruReply {
        entries = List.copyOf(entries);
    }

    /** Whether the list is done ({@code now} came). */
    boolean complete() {
        return nowBits.isPresent();
    }

    /** Reads an answer's data. */
    static MruReply parse(byte[] data) {
        List<MruEntry> entries = new ArrayList<>();
        Optional<String> nonce = Optional.empty();
        OptionalLong now = OptionalLong.empty();
        Row row = new Row();
        for (ResponseVariable variable : ResponseVariables.parse(data)) {
            String name = variable.name();
            String value = variable.value();
            if (name.equals("nonce")) {
                nonce = Optional.of(value);
                continue;
            }
            if (name.equals("now")) {
                now = timestamp(value);
                continue;
            }
            Matcher indexed = INDEXED.matcher(name);
            if (!indexed.matches() || Integer.parseInt(indexed.group(2)) != entries.size()) {
                continue;
            }
            row.read(Item.valueOf(indexed.group(1).toUpperCase(Locale.ROOT)), value);
            row.complete().ifPresent(entry -> {
                entries.add(entry);
                row.clear();
            });
        }
        return new MruReply(entries, nonce, now);
    }

    /** {@code 0x%08x.%08x}, as {@code hextolfp} reads it after the {@code 0x}. */
    static OptionalLong timestamp(String value) {
        Matcher m = TIMESTAMP.matcher(value);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1), 16) << 32 | Long.parseLong(m.group(2), 16))
                : OptionalLong.empty();
    }

    private static OptionalInt decimal(String value) {
        return DECIMAL.matcher(value).matches() ? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
    }

    /** The items of a row, by their names' stems. */
    private enum Item { ADDR, LAST, FIRST, CT, MV, RS }

    /** The items of the row being read (ntpq's {@code MRU_GOT_*} bits). */
    private static final class Row {
        private Optional<NetAddress> address = Optional.empty();
        private OptionalLong last = OptionalLong.empty();
        private OptionalLong first = OptionalLong.empty();
        private OptionalInt count = OptionalInt.empty();
        private OptionalInt modeVersion = OptionalInt.empty();
        private OptionalInt restrict = OptionalInt.empty();

        void read(Item item, String value) {
            switch (item) {
                case ADDR -> address = NetAddress.parse(value).or(() -> address);
                case LAST -> last = or(timestamp(value), last);
                case FIRST -> first = or(timestamp(value), first);
                case CT -> count = or(decimal(value).stream().filter(n -> n >= 1).findFirst(), count);
                case MV -> modeVersion = or(decimal(value), modeVersion);
                case RS -> {
                    Matcher m = HEX.matcher(value);
                    restrict = m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1), 16)) : restrict;
                }
            }
        }

        Optional<MruEntry> complete() {
            if (address.isEmpty() || last.isEmpty() || first.isEmpty() || count.isEmpty() || modeVersion.isEmpty()
                    || restrict.isEmpty()) {
                return Optional.empty();
            }
            int mv = modeVersion.getAsInt();
            return Optional.of(new MruEntry(address.get(), last.getAsLong(), first.getAsLong(), count.getAsInt(),
                    mv & MODE_BITS, mv >> 3 & MODE_BITS, restrict.getAsInt()));
        }

        void clear() {
            address = Optional.empty();
            last = OptionalLong.empty();
            first = OptionalLong.empty();
            count = OptionalInt.empty();
            modeVersion = OptionalInt.empty();
            restrict = OptionalInt.empty();
        }

        private static OptionalLong or(OptionalLong value, OptionalLong otherwise) {
            return value.isPresent() ? value : otherwise;
        }

        private static OptionalInt or(OptionalInt value, OptionalInt otherwise) {
            return value.isPresent() ? value : otherwise;
        }
    }
}
