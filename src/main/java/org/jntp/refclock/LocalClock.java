package org.jntp.refclock;

import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.SystemVariables;

/**
 * ntpd's undisciplined local clock ({@code server 127.127.1.u}, driver LOCAL): the machine's own
 * clock taken as the reference, so a server with no upstream source still serves time at the
 * stratum its {@code fudge} line gives. Pure: the daemon calls {@link #poll} every 2^minpoll
 * seconds of its {@code server} line, as ntpd reads a reference clock.
 *
 * @param stratum     the stratum served ({@code fudge ... stratum N}), 0 to 15
 * @param referenceId the reference ID served ({@code fudge ... refid XXXX}), LOCL by default
 */
public record LocalClock(int stratum, ReferenceId referenceId) {
    /** The driver type in 127.127.t.u. */
    public static final int DRIVER_TYPE = 1;
    /** ntpd's LOCAL driver default stratum. */
    public static final int DEFAULT_STRATUM = 5;
    public static final ReferenceId DEFAULT_REFERENCE_ID = ReferenceId.ofAscii("LOCL");
    /** ntpd reads a reference clock every 2^minpoll s, 64 s unless its line says otherwise. */
    public static final int DEFAULT_POLL_LOG2 = 6;
    /** ntpd's LOCAL driver dispersion: one tick of an old-fashioned 100 Hz clock, 10 ms. */
    public static final long DISPERSION_NANOS = 10_000_000L;

    public LocalClock {
        if (stratum < 0 || stratum > 15) {
            throw new IllegalArgumentException("local clock stratum " + stratum + " is not 0..15");
        }
    }

    /** The system variables once the local clock has been read at {@code nowNanos}. */
    public SystemVariables poll(long nowNanos, int precisionLog2) {
        return new SystemVariables(LeapIndicator.NO_WARNING, stratum, precisionLog2, 0, DISPERSION_NANOS,
                referenceId.bits(), nowNanos);
    }
}
