package org.jntp.interop;

/**
 * One line of ntpd's {@code rawstats}: "MJD seconds source destination T1 T2 T3 T4 ...", each T an
 * NTP timestamp as seconds since 1900 with nine decimals.
 *
 * @param source                 the server that answered
 * @param serverReceiveUnixSeconds T2: when the server received our request, on its clock, since 1970
 */
record RawstatsRecord(String source, double serverReceiveUnixSeconds) {
    /** Seconds from NTP's era 0 (1900) to the Unix epoch. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    static RawstatsRecord parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 8) {
            throw new IllegalArgumentException("not a rawstats line: " + line);
        }
        return new RawstatsRecord(f[2], Double.parseDouble(f[5]) - NTP_TO_UNIX_SECONDS);
    }
}
