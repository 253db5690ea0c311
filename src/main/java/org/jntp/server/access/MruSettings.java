package org.jntp.server.access;

/**
 * The {@code mru} line: the size and aging of the list of recent clients.
 *
 * @param maxDepth most entries ({@code maxdepth}, or {@code maxmem} converted); {@link Integer#MAX_VALUE} is unlimited
 * @param minDepth below this many entries none is ever recycled, whatever its age
 * @param maxAgeSeconds past mindepth, the oldest entry is recycled once older than this
 * @param minAgeSeconds NTPsec's minage: a full list never recycles an entry this young
 * @param initialAlloc entries allocated when the list starts ({@code initalloc}, or {@code initmem} converted)
 * @param incrementAlloc entries added each time the list is full and below its bound ({@code incalloc},
 *     or {@code incmem} converted); 0 adds one at a time
 */
public record MruSettings(int maxDepth, int minDepth, int maxAgeSeconds, int minAgeSeconds, int initialAlloc,
        int incrementAlloc) {
    /**
     * Size of ntpd 4.2.8's mon_entry on 64-bit Linux; {@code maxmem} and friends convert kilobytes
     * to entries with it, so a given ntp.conf yields the same depth as under ntpd.
     */
    public static final int NTPD_ENTRY_BYTES = 88;
    /** ntpd's default maxmem of 1024 kilobytes, in entries. */
    public static final int DEFAULT_MAX_DEPTH = entriesIn(1024);
    public static final int DEFAULT_MIN_DEPTH = 600;
    public static final int DEFAULT_MAX_AGE_SECONDS = 64;
    public static final int DEFAULT_MIN_AGE_SECONDS = 0;
    /** ntpd's default initmem and incmem of 4 kilobytes, in entries. */
    public static final int DEFAULT_ALLOC = entriesIn(4);

    public MruSettings {
        if (maxDepth < 0 || minDepth < 0 || minAgeSeconds < 0 || initialAlloc < 0 || incrementAlloc < 0) {
            throw new IllegalArgumentException("negative MRU setting in " + this);
        }
    }

    /** ntpd's values when ntp.conf has no mru line. */
    public static MruSettings defaults() {
        return new MruSettings(DEFAULT_MAX_DEPTH, DEFAULT_MIN_DEPTH, DEFAULT_MAX_AGE_SECONDS,
                DEFAULT_MIN_AGE_SECONDS, DEFAULT_ALLOC, DEFAULT_ALLOC);
    }

    /** The number of entries ntpd fits in the given kilobytes. */
    public static int entriesIn(long kilobytes) {
        return (int) Math.min(Integer.MAX_VALUE, kilobytes * 1024 / NTPD_ENTRY_BYTES);
    }

    /** These settings with maxdepth replaced. */
    public MruSettings withMaxDepth(int value) {
        return new MruSettings(value, minDepth, maxAgeSeconds, minAgeSeconds, initialAlloc, incrementAlloc);
    }

    /** These settings with mindepth replaced. */
    public MruSettings withMinDepth(int value) {
        return new MruSettings(maxDepth, value, maxAgeSeconds, minAgeSeconds, initialAlloc, incrementAlloc);
    }

    /** These settings with maxage replaced. */
    public MruSettings withMaxAgeSeconds(int value) {
        return new MruSettings(maxDepth, minDepth, value, minAgeSeconds, initialAlloc, incrementAlloc);
    }

    /** These settings with minage replaced. */
    public MruSettings withMinAgeSeconds(int value) {
        return new MruSettings(maxDepth, minDepth, maxAgeSeconds, value, initialAlloc, incrementAlloc);
    }

    /** These settings with initalloc replaced. */
    public MruSettings withInitialAlloc(int value) {
        return new MruSettings(maxDepth, minDepth, maxAgeSeconds, minAgeSeconds, value, incrementAlloc);
    }

    /** These settings with incalloc replaced. */
    public MruSettings withIncrementAlloc(int value) {
        return new MruSettings(maxDepth, minDepth, maxAgeSeconds, minAgeSeconds, initialAlloc, value);
    }
}
