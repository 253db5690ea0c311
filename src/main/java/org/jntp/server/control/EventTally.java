package org.jntp.server.control;

/**
 * The event fields of a status word: the last event code and how many events in a row had it,
 * counted as ntpd's {@code report_event} counts them (reset when the code changes, held at 15).
 *
 * @param count events since the code last changed, 0 to 15
 * @param lastCode the last event's code, 0 to 15
 */
public record EventTally(int count, int lastCode) {
    /** No event yet. */
    public static final EventTally NONE = new EventTally(0, 0);

    private static final int MAX_COUNT = 15;

    /** Checks both fit 4 bits. */
    public EventTally {
        if (count < 0 || count > MAX_COUNT || lastCode < 0 || lastCode > MAX_COUNT) {
            throw new IllegalArgumentException("event tally out of range: " + count + ", " + lastCode);
        }
    }

    /** The tally after one more event with {@code code}. */
    public EventTally after(int code) {
        int previous = code == lastCode ? count : 0;
        return new EventTally(Math.min(MAX_COUNT, previous + 1), code);
    }
}
