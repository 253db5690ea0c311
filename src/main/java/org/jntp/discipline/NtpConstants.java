package org.jntp.discipline;

/** The constants of RFC 5905 (§7.2, Figure 6 and appendix A.1.1), named as there. */
public final class NtpConstants {

    /** Frequency tolerance φ: the worst drift assumed of any clock, 15 ppm, in s/s. */
    public static final double PHI = 15e-6;
    /** Stages of the clock filter's shift register. */
    public static final int NSTAGE = 8;
    /** Dispersion of an empty filter stage, seconds. */
    public static final double MAXDISP = 16.0;
    /**
     * The RFC's floor of the root dispersion increment, seconds; ntpd 4.2.8 uses 1 ms instead
     * ({@code tos mindist}, see {@link SelectionParameters}).
     */
    public static final double MINDISP = 0.01;
    /** Root distance above which a source cannot be selected, seconds ({@code tos maxdist}). */
    public static final double MAXDIST = 1.5;
    /** Fewest survivors the cluster algorithm keeps ({@code tos minclock}). */
    public static final int MINCLOCK = 3;
    /** Most candidates the system keeps ({@code tos maxclock}). */
    public static final int MAXCLOCK = 10;
    /** Fewest truechimers needed to synchronise ({@code tos minsane}). */
    public static final int MINSANE = 1;
    /** Highest stratum a source may have; 16 means unsynchronised. */
    public static final int MAXSTRAT = 16;
    /** Default and smallest poll exponent, log2 seconds. */
    public static final int MINPOLL = 6;
    /** Default largest poll exponent, log2 seconds. */
    public static final int MAXPOLL = 10;
    /** Smallest poll exponent a configuration may give ({@code minpoll 3}, as ntpd 4.2.8). */
    public static final int MINPOLL_LIMIT = 3;
    /** Largest poll exponent a configuration may give (ntpd's NTP_MAXPOLL). */
    public static final int MAXPOLL_LIMIT = 17;

    private NtpConstants() {}
}
