package org.jntp.source;

/**
 * Orphan mode ({@code tos orphan N orphanwait S}): with no source to follow for {@code waitSeconds},
 * serve at stratum {@code stratum} so that a group of machines cut off from their sources keeps one
 * time among themselves, as ntpd does.
 *
 * @param stratum     the stratum to serve as an orphan; {@link #OFF} (16, ntpd's default) turns it off
 * @param waitSeconds how long to go without a source first (ntpd's default 300 s)
 */
public record Orphan(int stratum, double waitSeconds) {

    /** The stratum that leaves orphan mode off. */
    public static final int OFF = 16;
    /** ntpd's {@code orphanwait} default. */
    public static final double DEFAULT_WAIT_SECONDS = 300;
    /** Orphan mode off. */
    public static final Orphan NONE = new Orphan(OFF, DEFAULT_WAIT_SECONDS);

    /** Whether orphan mode is on. */
    public boolean enabled() {
        return stratum >= 1 && stratum < OFF;
    }
}
