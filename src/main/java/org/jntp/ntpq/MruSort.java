package org.jntp.ntpq;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The orders {@code mrulist sort=} knows ({@code mru_sort_order}), by their keywords. */
enum MruSort {
    /** Last heard, most recent first: the order ntpd sends, newest first. */
    LSTINT("lstint"),
    R_LSTINT("-lstint"),
    AVGINT("avgint"),
    R_AVGINT("-avgint"),
    /** IPv4 before IPv6, each by address value. */
    ADDR("addr"),
    R_ADDR("-addr"),
    COUNT("count"),
    R_COUNT("-count");

    private static final Comparator<MruEntry> BY_AVGINT = Comparator
            .comparingDouble(MruEntry::averageIntervalSeconds)
            .thenComparing(MruEntry::lastBits, Comparator.reverseOrder());
    private static final Comparator<MruEntry> BY_ADDR = Comparator
            .comparingInt((MruEntry e) -> e.address().address() instanceof Inet4Address ? 0 : 1)
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.address().address().getAddress(),
                    b.address().address().getAddress()));
    private static final Comparator<MruEntry> BY_COUNT = Comparator.comparingInt(MruEntry::count);

    private final String keyword;

    MruSort(String keyword) {
        this.keyword = keyword;
    }

    /** The order of a {@code sort=} keyword; empty for one ntpq does not know. */
    static Optional<MruSort> of(String keyword) {
        return Arrays.stream(values()).filter(s -> s.keyword.equals(keyword)).findFirst();
    }

    /** The rows in this order, from the rows newest first. */
    List<MruEntry> sort(List<MruEntry> newestFirst) {
        return switch (this) {
            case LSTINT -> newestFirst;
            case R_LSTINT -> newestFirst.reversed();
            case AVGINT -> newestFirst.stream().sorted(BY_AVGINT).toList();
            case R_AVGINT -> newestFirst.stream().sorted(BY_AVGINT.reversed()).toList();
            case ADDR -> newestFirst.stream().sorted(BY_ADDR).toList();
            case R_ADDR -> newestFirst.stream().sorted(BY_ADDR.reversed()).toList();
            case COUNT -> newestFirst.stream().sorted(BY_COUNT).toList();
            case R_COUNT -> newestFirst.stream().sorted(BY_COUNT.reversed()).toList();
        };
    }
}
