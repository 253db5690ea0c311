package org.jntp.server.access;

import java.util.Arrays;
import java.util.List;

/**
 * One lock's worth of the MRU list: entries in parallel arrays, found through a chained hash table
 * and kept in a doubly linked most-recently-used order. The arrays start at the shard's share of
 * initalloc and grow when a new client finds them full, never past the shard's capacity, as ntpd's
 * mon_getmoremem does: by its share of incalloc, or by as many entries as it holds once that is
 * more. ntpd links each new chunk in; arrays are copied instead, so the step doubles to keep the
 * copying of a flood of new clients linear (filling the default table by 4 kB steps alone would copy
 * some 130 MB): a step taken a few times in the shard's life, never per packet. Entries are never
 * freed, only recycled from the least recently used end, so nothing is allocated once the shard
 * has grown to its capacity, nor while it holds fewer clients than it has room for.
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

    private static final int MIN_BUCKETS = 16;

    private final int capacity;
    private final int incrementEntries;
    private final int minDepth;
    private final int maxAgeSeconds;
    private final int minAgeSeconds;
    private final int monitorSeconds;
    private final int minimumSeconds;
    private final int headwaySeconds;
    private final int limitSeconds;

    private long[] keyHigh;
    private long[] keyLow;
    private int[] ports;
    private long[] firstNanos;
    private long[] lastNanos;
    private int[] leaks;
    private int[] counts;
    private int[] flags;
    private byte[] versionModes;
    /** Interleaved mode: the receive timestamp of the client's last request, as our reply carried it. */
    private long[] receiveBits;
    /** Interleaved mode: when our reply to that request left, 0 until it did. */
    private long[] transmitBits;
    private int[] newer;
    private int[] older;
    private int[] hashNext;
    /** The hash of each entry's address, so the table can be rebuilt when the buckets grow. */
    private int[] hashes;
    private int[] buckets;
    private int bucketMask;

    private int size;
    private int newest = NONE;
    private int oldest = NONE;
    private long randomState;

    /**
     * @param capacity the most entries the shard ever holds
     * @param initialEntries entries allocated at once; more than capacity counts as capacity
     * @param incrementEntries entries added when full and under capacity; below 1 counts as 1
     */
    MruShard(int capacity, int initialEntries, int incrementEntries, int minDepth, MruSettings mru,
            DiscardSettings discard, long randomSeed) {
        this.capacity = capacity;
        this.incrementEntries = Math.max(1, incrementEntries);
        this.minDepth = minDepth;
        this.maxAgeSeconds = mru.maxAgeSeconds();
        this.minAgeSeconds = mru.minAgeSeconds();
        this.monitorSeconds = discard.monitorSeconds();
        this.minimumSeconds = discard.minimumSeconds();
        this.headwaySeconds = discard.averageSeconds();
        this.limitSeconds = AVERAGE_WINDOW * headwaySeconds;
        int allocated = Math.clamp(initialEntries, 0, capacity);
        keyHigh = new long[allocated];
        keyLow = new long[allocated];
        ports = new int[allocated];
        firstNanos = new long[allocated];
        lastNanos = new long[allocated];
        leaks = new int[allocated];
        counts = new int[allocated];
        flags = new int[allocated];
        versionModes = new byte[allocated];
        receiveBits = new long[allocated];
        transmitBits = new long[allocated];
        newer = new int[allocated];
        older = new int[allocated];
        hashNext = new int[allocated];
        hashes = new int[allocated];
        buckets = new int[bucketsFor(allocated)];
        Arrays.fill(buckets, NONE);
        bucketMask = buckets.length - 1;
        randomState = randomSeed == 0 ? 0x9E37_79B9_7F4A_7C15L : randomSeed;
    }

    /** At least one bucket per entry, a power of two. */
    private static int bucketsFor(int entries) {
        return Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, entries - 1)) << 1);
    }

    synchronized RateDecision observe(long high, long low, int hash, int port, int mode, int version, long nowNanos,
            int restrictFlags) {
        byte versionMode = (byte) (((version & 7) << 3) | (mode & 7));
        int found = find(high, low, hash);
        if (found != NONE) {
            return update(found, port, versionMode, nowNanos, restrictFlags);
        }
        int slot = claimSlot(nowNanos);
        if (slot != NONE) {
            int bucket = hash & bucketMask;
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
            hashes[slot] = hash;
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
     * A slot for a new client, chosen as ntpd's ntp_monitor chooses: a new one below mindepth;
     * recycle the oldest entry once older than maxage; a new one up to capacity; when full, recycle
     * the oldest only if older than minage and then with probability age / monitor, else record
     * nothing.
     */
    private int claimSlot(long nowNanos) {
        if (oldest == NONE || (size < minDepth && size < capacity)) {
            return newSlot();
        }
        int oldestAgeSeconds = elapsedSeconds(nowNanos - lastNanos[oldest]);
        if (maxAgeSeconds < oldestAgeSeconds) {
            return recycleOldest();
        }
        if (size < capacity) {
            return newSlot();
        }
        if (oldestAgeSeconds <= minAgeSeconds || nextUniform() * monitorSeconds > oldestAgeSeconds) {
            return NONE;
        }
        return recycleOldest();
    }

    /** A slot never used yet, growing the arrays when all are in use; NONE at capacity. */
    private int newSlot() {
        if (size == keyHigh.length) {
            if (size >= capacity) {
                return NONE;
            }
            grow((int) Math.min(capacity, (long) size + Math.max(incrementEntries, size)));
        }
        return size++;
    }

    /** ntpd's mon_getmoremem: room for more entries; the hash table doubles to keep a bucket per entry. */
    private void grow(int entries) {
        keyHigh = Arrays.copyOf(keyHigh, entries);
        keyLow = Arrays.copyOf(keyLow, entries);
        ports = Arrays.copyOf(ports, entries);
        firstNanos = Arrays.copyOf(firstNanos, entries);
        lastNanos = Arrays.copyOf(lastNanos, entries);
        leaks = Arrays.copyOf(leaks, entries);
        counts = Arrays.copyOf(counts, entries);
        flags = Arrays.copyOf(flags, entries);
        versionModes = Arrays.copyOf(versionModes, entries);
        receiveBits = Arrays.copyOf(receiveBits, entries);
        transmitBits = Arrays.copyOf(transmitBits, entries);
        newer = Arrays.copyOf(newer, entries);
        older = Arrays.copyOf(older, entries);
        hashNext = Arrays.copyOf(hashNext, entries);
        hashes = Arrays.copyOf(hashes, entries);
        if (bucketsFor(entries) > buckets.length) {
            rehash(bucketsFor(entries));
        }
    }

    private void rehash(int bucketCount) {
        buckets = new int[bucketCount];
        Arrays.fill(buckets, NONE);
        bucketMask = bucketCount - 1;
        for (int slot = 0; slot < size; slot++) {
            int bucket = hashes[slot] & bucketMask;
            hashNext[slot] = buckets[bucket];
            buckets[bucket] = slot;
        }
    }

    private int recycleOldest() {
        int slot = oldest;
        unlink(slot);
        int bucket = hashes[slot] & bucketMask;
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

    /** Entries allocated now, in use or not. */
    synchronized int allocated() {
        return keyHigh.length;
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
