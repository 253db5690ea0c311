package org.jntp.interop;

/**
 * {@code chronyc -c tracking}: what chronyd believes about its own clock.
 *
 * @param referenceId           the selected source's reference ID, as chronyc prints it (hex)
 * @param slowOfNtpTimeSeconds  how far the system clock is behind NTP time ("System time ... slow"):
 *                              with {@code -x} chronyd leaves the clock alone, so this is how far
 *                              its source's time is ahead of this machine's clock
 */
record ChronyTracking(String referenceId, String referenceName, int stratum, double slowOfNtpTimeSeconds, String leapStatus) {

    static ChronyTracking parseCsv(String line) {
        String[] f = line.strip().split(",");
        if (f.length != 14) {
            throw new IllegalArgumentException("not chronyc -c tracking: " + line);
        }
        return new ChronyTracking(f[0], f[1], Integer.parseInt(f[2]), Double.parseDouble(f[4]), f[13]);
    }
}
