package org.jntp.server.access;

import java.util.Arrays;
import java.util.List;

/**
 * One lock's worth of the MRU list: a fixed number of preallocated entries in parallel arrays,
 * found through a chained hash table and kept in a doubly linked most-recently-used order.
 * Entries are never freed, only recycled from the least recently used end, so nothing is
 * allocated once the shard exists.
 */
final class MruShard {
    private static final int NONE = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long HALF_SECOND_NANOS = NANOS_PER_SECOND / 2;
    /** Caps elapsed time so the leak arithmetic cannot overflow; far beyond any rate window. */
    private static final long MAX_ELAPSED_SECONDS = 1 << 30;
    /** ntpd's NTP_SHIFT: the average threshold is this many headway increments. */
    private static final int AVERAGE_WINDOW = 8;
    /** ntpd's grace on each headway increment, in seconds. */
    private static final int HEADWAY_GRACE_SECONDS = 2;
    private static final int LIMITED = RestrictFlag.LIMITED.bit();
    private static final int KOD = RestrictFlag.KOD.bit();

    private final int capacity;
    private final int minDepth;
    private final int maxAgeSeconds;
    private final int minAgeSeconds;
    private final int monitorSeconds;
    private final int minimumSeconds;
    private final int headwaySeconds;
    private final int limitSeconds;

    private final long[] keyHigh;
    private final long[] keyLow;
    private final int[] ports;
    private final long[] firstNanos;
    private final long[] lastNanos;
    private final int[] leaks;
    private final int[] counts;
    private final int[] flags;
    private final byte[] versionModes;
    /** Interleaved mode: the receive timestamp of the client's last request, as our reply carried it. */
    private final long[] receiveBits;
    /** Interleaved mode: when our reply to that request left, 0 until it did. */
    private final long[] transmitBits;
    private final int[] newer;
    private final int[] older;
    private final int[] hashNext;
    private final int[] bucketOf;
    private final int[] buckets;
    private final int bucketMask;

    private int size;
    private int newest = NONE;
    private int oldest = NONE;
    private long randomState;

    MruShard(int capacity, int minDepth, MruSettings mru, DiscardSettings discard, long randomSeed) {
        this.capacity = capacity;
        this.minDepth = minDepth;
        this.maxAgeSeconds = mru.maxAgeSeconds();
        this.minAgeSeconds = mru.minAgeSeconds();
        this.monitorSeconds = discard.monitorSeconds();
        this.minimumSeconds = discard.minimumSeconds();
        this.headwaySeconds = discard.averageSeconds();
        this.limitSeconds = AVERAGE_WINDOW * headwaySeconds;
        keyHigh = new long[capacity];
        keyLow = new long[capacity];
        ports = new int[capacity];
        firstNanos = new long[capacity];
        lastNanos = new long[capacity];
        leaks = new int[capacity];
        counts = new int[capacity];
        flags = new int[capacity];
        versionModes = new byte[capacity];
        receiveBits = new long[capacity];
        transmitBits = new long[capacity];
        newer = new int[capacity];
        older = new int[capacity];
        hashNext = new int[capacity];
        bucketOf = new int[capacity];
        buckets = new int[Math.max(16, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1)];
        Arrays.fill(buckets, NONE);
        bucketMask = buckets.length - 1;
        randomState = randomSeed == 0 ? 0x9E37_79B9_7F4A_7C15L : randomSeed;
    }

    synchronized RateDecision observe(long high, long low, int hash, int port, int mode, int version, long nowNanos,
            int restrictFlags) {
        byte versionMode = (byte) (((version & 7) << 3) | (mode & 7));
        int found = find(high, low, hash);
        if (found != NONE) {
            return update(found, port, versionMode, nowNanos, restrictFlags);
        }
        int bucket = hash & bucketMask;
        int slot = claimSlot(nowNanos);
        if (slot != NONE) {
            keyHigh[slot] = high;
            keyLow[slot] = low;
            ports[slot] = port;
            firstNanos[slot] = nowNanos;
            lastNanos[slot] = nowNanos;
            leaks[slot] = 0;
            counts[slot] = 1;
            flags[slot] = restrictFlags & ~(LIMITED | KOD);
            versionModes[slot] = versionMode;
            receiveBits[slot] = 0;
            transmitBits[slot] = 0;
            bucketOf[slot] = bucket;
            hashNext[slot] = buckets[bucket];
            buckets[bucket] = slot;
            linkNewest(slot);
        }
        return RateDecision.PASS;
    }

    /**
     * Keeps the receive timestamp of a client's request and says whether the request is
     * interleaved (RFC 9769 section 2): its origin is the receive timestamp of the client's previous
     * request, whose reply has left since. A client we keep no entry for, a stale origin, or a reply
     * not sent yet, means basic mode.
     *
     * @return the transmit timestamp of our reply to the previous request, or 0 for basic mode
     */
    synchronized long exchangeReceiveTime(long high, long low, int hash, long originBits, long receive) {
        int slot = find(high, low, hash);
        if (slot == NONE) {
            return 0;
        }
        long previousReceive = receiveBits[slot];
        long previousTransmit = transmitBits[slot];
        receiveBits[slot] = receive;
        transmitBits[slot] = 0;
        return previousReceive != 0 && originBits == previousReceive ? previousTransmit : 0;
    }

    /**
     * Keeps when our reply to the request received at {@code receive} left, unless the client's
     * entry has since moved on to a later request or to another client.
     */
    synchronized void recordTransmitTime(long high, long low, int hash, long receive, long transmit) {
        int slot = find(high, low, hash);
        if (slot != NONE && receive != 0 && receiveBits[slot] == receive) {
            transmitBits[slot] = transmit;
        }
    }

    private int find(long high, long low, int hash) {
        for (int slot = buckets[hash & bucketMask]; slot != NONE; slot = hashNext[slot]) {
            if (keyHigh[slot] == high && keyLow[slot] == low) {
                return slot;
            }
        }
        return NONE;
    }

    /**
     * ntpd's leaky bucket: each packet adds the average headway, the time since the last packet
     * drains it. A packet closer than the guard time after the previous one, or one that would fill
     * the bucket to eight headways, violates the limits and refills the bucket past that mark;
     * violations while it is still past the mark lose KOD, so KoDs go out at most once a headway.
     */
    private RateDecision update(int slot, int port, byte versionMode, long nowNanos, int restrictFlags) {
        int intervalSeconds = elapsedSeconds(nowNanos - lastNanos[slot]);
        lastNanos[slot] = nowNanos;
        ports[slot] = port;
        counts[slot]++;
        versionModes[slot] = versionMode;
        unlink(slot);
        linkNewest(slot);
        int leak = Math.max(0, leaks[slot] - intervalSeconds);
        int filled = leak + headwaySeconds;
        int result = restrictFlags;
        if (intervalSeconds + 1 >= minimumSeconds && filled < limitSeconds) {
            leaks[slot] = filled - HEADWAY_GRACE_SECONDS;
            result &= ~(LIMITED | KOD);
        } else if (leak < limitSeconds) {
            leaks[slot] = limitSeconds + headwaySeconds;
        } else {
            leaks[slot] = leak;
            result &= ~KOD;
        }
        flags[slot] = result;
        if ((result & LIMITED) == 0) {
            return RateDecision.PASS;
        }
        return (result & KOD) != 0 ? RateDecision.KISS_OF_DEATH : RateDecision.DROP;
    }

    /**
     * A slot for a new client, chosen as ntpd's ntp_monitor chooses: grow below mindepth; recycle
     * the oldest entry once older than maxage; grow up to capacity; when full, recycle the oldest
     * only if older than minage and then with probability age / monitor, else record nothing.
     */
    private int claimSlot(long nowNanos) {
        if (oldest == NONE || (size < minDepth && size < capacity)) {
            return size < capacity ? size++ : NONE;
        }
        int oldestAgeSeconds = elapsedSeconds(nowNanos - lastNanos[oldest]);
        if (maxAgeSeconds < oldestAgeSeconds) {
            return recycleOldest();
        }
        if (size < capacity) {
            return size++;
        }
        if (oldestAgeSeconds <= minAgeSeconds || nextUniform() * monitorSeconds > oldestAgeSeconds) {
            return NONE;
        }
        return recycleOldest();
    }

    private int recycleOldest() {
        int slot = oldest;
        unlink(slot);
        int bucket = bucketOf[slot];
        if (buckets[bucket] == slot) {
            buckets[bucket] = hashNext[slot];
        } else {
            int previous = buckets[bucket];
            while (hashNext[previous] != slot) {
                previous = hashNext[previous];
            }
            hashNext[previous] = hashNext[slot];
        }
        return slot;
    }

    private void linkNewest(int slot) {
        newer[slot] = NONE;
        older[slot] = newest;
        if (newest != NONE) {
            newer[newest] = slot;
        }
        newest = slot;
        if (oldest == NONE) {
            oldest = slot;
        }
    }

    private void unlink(int slot) {
        if (newer[slot] != NONE) {
            older[newer[slot]] = older[slot];
        } else {
            newest = older[slot];
        }
        if (older[slot] != NONE) {
            newer[older[slot]] = newer[slot];
        } else {
            oldest = newer[slot];
        }
    }

    /**
     * Whole seconds elapsed, rounded as ntpd rounds (add half a second, truncate). Time running
     * backwards counts as no time, so a clock step cannot lock clients out.
     */
    private static int elapsedSeconds(long deltaNanos) {
        long seconds = Math.floorDiv(deltaNanos + HALF_SECOND_NANOS, NANOS_PER_SECOND);
        return (int) Math.clamp(seconds, 0, MAX_ELAPSED_SECONDS);
    }

    /** xorshift64*, uniform in [0, 1); seeded by the caller so runs replay. */
    private double nextUniform() {
        long x = randomState;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        randomState = x;
        return ((x * 0x2545_F491_4F6C_DD1DL) >>> 11) * 0x1.0p-53;
    }

    synchronized int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    /** Appends copies of the entries, most recent first. */
    synchronized void copyTo(List<MruEntry> out) {
        for (int slot = newest; slot != NONE; slot = older[slot]) {
            int mode = versionModes[slot] & 7;
            int version = (versionModes[slot] >>> 3) & 7;
            out.add(new MruEntry(IpAddress.fromMapped(keyHigh[slot], keyLow[slot]), ports[slot], firstNanos[slot],
                    lastNanos[slot], counts[slot], flags[slot], mode, version));
        }
    }
}
