package org.jntp.server.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ntpd's monitor: the most-recently-used list of client addresses, and the rate limiting of
 * {@code restrict ... limited [kod]} that rides on it (ntp_monitor.c). Keyed by address alone, as
 * ntpd does, so a client cannot dodge the limits by changing port; the latest port is kept for
 * display.
 *
 * <p>Grows as ntpd's does: it starts with room for initalloc entries and, when a new client finds
 * it full and under its capacity, makes room for incalloc more, never past capacity. Capacity is
 * max(maxdepth, mindepth), as ntpd grows below mindepth regardless of maxdepth, up to
 * {@link #MAX_CAPACITY}. Growth copies a shard's arrays: a rare step, at most
 * (capacity - initalloc) / incalloc times in the list's life, not a per-packet cost; otherwise
 * {@link #observe} allocates nothing, and nothing at all once the list has grown to its capacity.
 *
 * <p>Each entry also keeps what interleaved mode needs of the client's last exchange (the receive
 * timestamp of its request and when our reply left), so an entry takes about ntpd's 88 bytes and
 * {@code maxmem} bounds the list as it does ntpd's. Keyed by address, a client behind a NAT shared
 * with another interleaved client may get basic replies; never wrong ones, as the origin must match.
 *
 * <p>Threads: the list is split into shards by a seeded hash of the address, each behind its own
 * lock, so receive threads rarely contend. A client always lands in the same shard, so its count,
 * first/last times and rate state are exactly ntpd's. Eviction runs per shard: each holds its share
 * of maxdepth and mindepth, and recycles its own least recently used entry. With one shard the
 * list behaves as ntpd's single list.
 *
 * <p>The caller decides which packets to count, as ntpd's receive path does, and skips the list
 * altogether when monitoring is off (neither {@code enable monitor} nor any {@code limited} entry).
 */
public final class MruList {
    /** The most entries the list ever holds, whatever maxdepth asks for (about 370 MB). */
    public static final int MAX_CAPACITY = 1 << 22;

    private final MruShard[] shards;
    private final int shardMask;
    private final long hashSeed;

    private MruList(MruShard[] shards, long hashSeed) {
        this.shards = shards;
        this.shardMask = shards.length - 1;
        this.hashSeed = hashSeed;
    }

    /**
     * A list sized and aged by mru, rate limited by discard.
     *
     * @param shardCount a power of two; lowered when there would be shards without room
     * @param seed seeds the address hash (so clients cannot choose colliding addresses) and ntpd's
     *     random preemption of old entries when the list is full
     */
    public static MruList create(MruSettings mru, DiscardSettings discard, int shardCount, long seed) {
        if (shardCount < 1 || Integer.bitCount(shardCount) != 1) {
            throw new IllegalArgumentException("shard count " + shardCount + " is not a power of two");
        }
        int capacity = Math.min(MAX_CAPACITY, Math.max(mru.maxDepth(), mru.minDepth()));
        int minDepth = Math.min(capacity, mru.minDepth());
        int initial = Math.min(capacity, mru.initialAlloc());
        int shardsUsed = Math.min(shardCount, Integer.highestOneBit(Math.max(1, capacity)));
        MruShard[] shards = new MruShard[shardsUsed];
        for (int i = 0; i < shardsUsed; i++) {
            shards[i] = new MruShard(share(capacity, shardsUsed, i), share(initial, shardsUsed, i),
                    share(mru.incrementAlloc(), shardsUsed, i), share(minDepth, shardsUsed, i), mru, discard,
                    seed * 0x9E37_79B9_7F4A_7C15L + i);
        }
        return new MruList(shards, mix(seed));
    }

    private static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    /**
     * Counts a packet from a client and applies ntpd's rate limits to it. Allocation-free.
     *
     * @param addressHigh first 64 bits of the source address; IPv4 sources in IPv4-mapped form
     *     ({@link IpAddress#mappedHigh()}), so both families share one key space
     * @param addressLow last 64 bits of the source address ({@link IpAddress#mappedLow()})
     * @param port UDP source port, kept for display
     * @param mode NTP mode of the packet
     * @param version NTP version of the packet
     * @param nowNanos arrival time on a monotonic nanosecond timescale of the caller's choosing
     * @param restrictFlags the {@link RestrictFlag} mask the restrict table gave this source
     * @return {@link RateDecision#PASS} unless restrictFlags has LIMITED and the client is over
     *     its rate; then DROP, or KISS_OF_DEATH with KOD unless a KoD went out within the last headway
     */
    public RateDecision observe(long addressHigh, long addressLow, int port, int mode, int version, long nowNanos,
            int restrictFlags) {
        long hash = hash(addressHigh, addressLow);
        return shards[(int) (hash >>> 32) & shardMask].observe(addressHigh, addressLow, (int) hash, port, mode,
                version, nowNanos, restrictFlags);
    }

    /**
     * Interleaved mode (RFC 9769): keeps the receive timestamp of this client's request, and tells
     * whether the request asks, by its origin timestamp, for the transmit timestamp of our reply to
     * the client's previous request. Allocation-free; a client without an entry (the list was full)
     * is always in basic mode.
     *
     * @param originBits the request's origin timestamp, NTP format; 0 for a request that cannot be
     *     interleaved
     * @param receiveBits when the request arrived, NTP format, as our reply carries it
     * @return the transmit timestamp (NTP format) of our reply to the previous request, taken after
     *     it was sent, when the request is interleaved; 0 for basic mode
     */
    public long exchangeReceiveTime(long addressHigh, long addressLow, long originBits, long receiveBits) {
        long hash = hash(addressHigh, addressLow);
        return shards[(int) (hash >>> 32) & shardMask].exchangeReceiveTime(addressHigh, addressLow, (int) hash,
                originBits, receiveBits);
    }

    /**
     * Keeps when our reply to this client's request received at {@code receiveBits} left, for its
     * next interleaved request. Ignored when the client has sent a later request since, or lost
     * its entry. Allocation-free.
     */
    public void recordTransmitTime(long addressHigh, long addressLow, long receiveBits, long transmitBits) {
        long hash = hash(addressHigh, addressLow);
        shards[(int) (hash >>> 32) & shardMask].recordTransmitTime(addressHigh, addressLow, (int) hash, receiveBits,
                transmitBits);
    }

    /** Entries currently in the list. */
    public int size() {
        int size = 0;
        for (MruShard shard : shards) {
            size += shard.size();
        }
        return size;
    }

    /** The most entries the list ever holds: max(maxdepth, mindepth), allocated or not. */
    public int capacity() {
        int capacity = 0;
        for (MruShard shard : shards) {
            capacity += shard.capacity();
        }
        return capacity;
    }

    /**
     * Entries the list has room for now, in use or not: initalloc at first, then grown by incalloc
     * up to {@link #capacity()}.
     */
    public int allocated() {
        int allocated = 0;
        for (MruShard shard : shards) {
            allocated += shard.allocated();
        }
        return allocated;
    }

    /** Copies of all entries, most recently seen first; allocates, for ntpq. */
    public List<MruEntry> snapshot() {
        List<MruEntry> entries = new ArrayList<>();
        for (MruShard shard : shards) {
            shard.copyTo(entries);
        }
        entries.sort(Comparator.comparingLong(MruEntry::lastNanos).reversed());
        return entries;
    }

    private long hash(long high, long low) {
        return mix(hashSeed ^ high * 0x9E37_79B9_7F4A_7C15L ^ Long.rotateLeft(low * 0xC2B2_AE3D_27D4_EB4FL, 31));
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }
}
