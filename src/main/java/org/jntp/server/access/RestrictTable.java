package org.jntp.server.access;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ntpd's restriction list, immutable and built once from the {@code restrict} lines. IPv4 and IPv6
 * keep separate lists, each sorted as ntpd sorts them (address, then mask, then {@code ntpport}, all
 * descending) and searched first match wins: for prefix masks this is the longest matching prefix.
 * Each list ends with its family's default entry (address and mask zero, no flags unless a
 * {@code restrict default} line adds some), so every address matches something.
 *
 * <p>The match methods are the per-packet path: no allocation, no locking; the table is safe to
 * share between threads. Changes (associations coming and going under {@code restrict source})
 * build a new table. Each match counts a hit on the entry it found, as ntpd counts for ntpq's
 * reslist; the count is a plain increment, so server threads matching the same entry at the same
 * instant may lose one, a price for keeping the packet path free of atomic operations.
 */
public final class RestrictTable {
    static final int NTP_PORT = 123;
    private static final VarHandle HIT = MethodHandles.arrayElementVarHandle(long[].class);

    private final List<RestrictEntry> entries;
    private final Optional<SourceTemplate> source;

    private final int[] address4;
    private final int[] mask4;
    private final int[] flags4;
    private final boolean[] ntpPortOnly4;

    private final long[] addressHigh6;
    private final long[] addressLow6;
    private final long[] maskHigh6;
    private final long[] maskLow6;
    private final int[] flags6;
    private final boolean[] ntpPortOnly6;
    /** Hits by index into {@link #entries}: the IPv4 entries first, then the IPv6 ones. */
    private final long[] hits;

    private RestrictTable(List<RestrictEntry> unsorted, Optional<SourceTemplate> source) {
        List<RestrictEntry> sorted = new ArrayList<>(unsorted);
        sorted.sort(RestrictTable::matchOrder);
        this.entries = List.copyOf(sorted);
        this.source = source;
        List<RestrictEntry> v4 = family(sorted, AddressFamily.IPV4);
        List<RestrictEntry> v6 = family(sorted, AddressFamily.IPV6);
        address4 = new int[v4.size()];
        mask4 = new int[v4.size()];
        flags4 = new int[v4.size()];
        ntpPortOnly4 = new boolean[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            AddressMask addressMask = v4.get(i).addressMask();
            address4[i] = addressMask.address().ipv4();
            mask4[i] = addressMask.mask().ipv4();
            flags4[i] = v4.get(i).flags();
            ntpPortOnly4[i] = v4.get(i).ntpPortOnly();
        }
        addressHigh6 = new long[v6.size()];
        addressLow6 = new long[v6.size()];
        maskHigh6 = new long[v6.size()];
        maskLow6 = new long[v6.size()];
        flags6 = new int[v6.size()];
        ntpPortOnly6 = new boolean[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            AddressMask addressMask = v6.get(i).addressMask();
            addressHigh6[i] = addressMask.address().high();
            addressLow6[i] = addressMask.address().low();
            maskHigh6[i] = addressMask.mask().high();
            maskLow6[i] = addressMask.mask().low();
            flags6[i] = v6.get(i).flags();
            ntpPortOnly6[i] = v6.get(i).ntpPortOnly();
        }
        hits = new long[sorted.size()];
    }

    /** ntpd's table with no restrict lines: one flagless default entry per family. */
    public static RestrictTable defaults() {
        return of(List.of());
    }

    /**
     * The table the rules build, applied in order as ntpd applies its restrict lines: a second line
     * for the same address, mask and {@code ntpport} adds its flags to the first; {@code restrict
     * source} replaces the template. Built-in default entries can lose flags but are never removed.
     */
    public static RestrictTable of(List<RestrictRule> rules) {
        List<RestrictEntry> entries = new ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            entries.add(new RestrictEntry(AddressMask.any(family), 0, false, RestrictRule.NO_PEER_LIMIT, false));
        }
        Optional<SourceTemplate> source = Optional.empty();
        for (RestrictRule rule : rules) {
            switch (rule.target()) {
                case RestrictTarget.Source ignored -> source = applyToTemplate(source, rule);
                case RestrictTarget.Default defaults -> {
                    for (AddressFamily family : AddressFamily.values()) {
                        if (defaults.families().contains(family)) {
                            apply(entries, AddressMask.any(family), rule);
                        }
                    }
                }
                case RestrictTarget.Network network -> apply(entries, network.addressMask(), rule);
            }
        }
        return new RestrictTable(entries, source);
    }

    private static void apply(List<RestrictEntry> entries, AddressMask key, RestrictRule rule) {
        int index = indexOf(entries, key, rule.ntpPortOnly());
        switch (rule.action()) {
            case RESTRICT -> {
                if (index >= 0) {
                    entries.set(index, entries.get(index).withFlags(entries.get(index).flags() | rule.flagMask()));
                } else {
                    entries.add(new RestrictEntry(key, rule.flagMask(), rule.ntpPortOnly(), rule.ipPeerLimit(), false));
                }
            }
            case UNRESTRICT -> {
                if (index < 0) {
                    return;
                }
                RestrictEntry entry = entries.get(index);
                if (rule.flags().isEmpty() && !isBuiltInDefault(entry)) {
                    entries.remove(index);
                } else {
                    entries.set(index, entry.withFlags(entry.flags() & ~rule.flagMask()));
                }
            }
        }
    }

    private static Optional<SourceTemplate> applyToTemplate(Optional<SourceTemplate> template, RestrictRule rule) {
        return switch (rule.action()) {
            case RESTRICT -> Optional.of(new SourceTemplate(rule.flagMask(), rule.ntpPortOnly(), rule.ipPeerLimit()));
            case UNRESTRICT -> rule.flags().isEmpty()
                    ? Optional.empty()
                    : template.map(t -> new SourceTemplate(t.flags() & ~rule.flagMask(), t.ntpPortOnly(),
                            t.ipPeerLimit()));
        };
    }

    private static int indexOf(List<RestrictEntry> entries, AddressMask key, boolean ntpPortOnly) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameKey(key, ntpPortOnly)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBuiltInDefault(RestrictEntry entry) {
        return entry.addressMask().equals(AddressMask.any(entry.addressMask().family())) && !entry.ntpPortOnly();
    }

    private static List<RestrictEntry> family(List<RestrictEntry> entries, AddressFamily family) {
        return entries.stream().filter(e -> e.addressMask().family() == family).toList();
    }

    /** IPv4 before IPv6; within a family ntpd's order: address, then mask, then ntpport first, all descending. */
    private static int matchOrder(RestrictEntry a, RestrictEntry b) {
        int order = a.addressMask().family().compareTo(b.addressMask().family());
        if (order == 0) {
            order = compareUnsigned(b.addressMask().address(), a.addressMask().address());
        }
        if (order == 0) {
            order = compareUnsigned(b.addressMask().mask(), a.addressMask().mask());
        }
        return order != 0 ? order : Boolean.compare(b.ntpPortOnly(), a.ntpPortOnly());
    }

    private static int compareUnsigned(IpAddress a, IpAddress b) {
        int order = Long.compareUnsigned(a.high(), b.high());
        return order != 0 ? order : Long.compareUnsigned(a.low(), b.low());
    }

    /**
     * The {@link RestrictFlag} mask for a packet from an IPv4 source. As in ntpd, a multicast source
     * address is always ignored.
     *
     * @param address the source address in network order (first octet in the top byte)
     * @param port the UDP source port
     */
    public int matchIpv4(int address, int port) {
        if ((address >>> 28) == 0xE) {
            return RestrictFlag.IGNORE.bit();
        }
        int last = flags4.length - 1;
        int i = 0;
        while (i < last && !((address & mask4[i]) == address4[i] && (!ntpPortOnly4[i] || port == NTP_PORT))) {
            i++;
        }
        hit(i);
        return flags4[i];
    }

    /**
     * The {@link RestrictFlag} mask for a packet from an IPv6 source; a multicast source is ignored.
     *
     * @param addressHigh the first 64 bits of the source address, network order
     * @param addressLow the last 64 bits of the source address, network order
     * @param port the UDP source port
     */
    public int matchIpv6(long addressHigh, long addressLow, int port) {
        if ((addressHigh >>> 56) == 0xFF) {
            return RestrictFlag.IGNORE.bit();
        }
        int last = flags6.length - 1;
        int i = 0;
        while (i < last && !((addressHigh & maskHigh6[i]) == addressHigh6[i]
                && (addressLow & maskLow6[i]) == addressLow6[i] && (!ntpPortOnly6[i] || port == NTP_PORT))) {
            i++;
        }
        hit(flags4.length + i);
        return flags6[i];
    }

    private void hit(int entry) {
        HIT.setOpaque(hits, entry, (long) HIT.getOpaque(hits, entry) + 1);
    }

    /**
     * How many packets matched an entry so far (ntpd's {@code count}, reslist's hits); safe to call
     * from any thread.
     *
     * @param entry an index into {@link #entries()}
     */
    public long hits(int entry) {
        return (long) HIT.getOpaque(hits, entry);
    }

    /**
     * The mask for a source given as a 128-bit key: IPv4-mapped addresses ({@code ::ffff:a.b.c.d})
     * are matched against the IPv4 list, as ntpd sees them on an IPv4 socket.
     */
    public int match(long addressHigh, long addressLow, int port) {
        boolean mapped = addressHigh == 0 && (addressLow & 0xFFFF_FFFF_0000_0000L) == IpAddress.IPV4_MAPPED_PREFIX;
        return mapped ? matchIpv4((int) addressLow, port) : matchIpv6(addressHigh, addressLow, port);
    }

    /** The entries in match order, IPv4 first; allocates nothing. */
    public List<RestrictEntry> entries() {
        return entries;
    }

    /** The {@code restrict source} template, if configured. */
    public Optional<SourceTemplate> sourceTemplate() {
        return source;
    }

    /**
     * The table with a host entry for an association's address made from the {@code restrict
     * source} template. As ntpd, leaves the table as it is when there is no template, the address
     * is multicast, or a host entry for it exists. The caller skips reference clocks.
     */
    public RestrictTable withSourceHost(IpAddress host) {
        AddressMask key = AddressMask.host(host);
        if (source.isEmpty() || isMulticast(host) || entries.stream().anyMatch(e -> e.addressMask().equals(key))) {
            return this;
        }
        SourceTemplate template = source.get();
        List<RestrictEntry> updated = new ArrayList<>(entries);
        updated.add(new RestrictEntry(key, template.flags(), template.ntpPortOnly(), template.ipPeerLimit(), true));
        return new RestrictTable(updated, source);
    }

    /** The table without the host entry {@link #withSourceHost} added for host, when the association goes. */
    public RestrictTable withoutSourceHost(IpAddress host) {
        AddressMask key = AddressMask.host(host);
        List<RestrictEntry> updated = entries.stream()
                .filter(e -> !(e.fromSource() && e.addressMask().equals(key)))
                .toList();
        return updated.size() == entries.size() ? this : new RestrictTable(updated, source);
    }

    private static boolean isMulticast(IpAddress address) {
        return switch (address.family()) {
            case IPV4 -> (address.ipv4() >>> 28) == 0xE;
            case IPV6 -> (address.high() >>> 56) == 0xFF;
        };
    }
}
