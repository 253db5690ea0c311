package org.jntp.leap;

/**
 * One data line of leap-seconds.list: from {@code ntpSeconds} on, TAI − UTC is
 * {@code taiOffsetSeconds}.
 *
 * @param ntpSeconds        the instant, seconds since 1900-01-01 00:00 UTC as the file writes it
 * @param taiOffsetSeconds  TAI − UTC from that instant on (DTAI in the file)
 */
public record LeapEntry(long ntpSeconds, int taiOffsetSeconds) {

    /** The instant in Unix nanoseconds. */
    public long unixNanos() {
        return UtcCalendar.ntpSecondsToUnixNanos(ntpSeconds);
    }
}
