package org.jntp.server;

import java.util.Objects;
import java.util.Optional;
import org.jntp.leap.ServedSmear;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;

/**
 * The RFC 5905 system variables a server puts in every reply (§9.1): what the clock
 * discipline (or the local clock driver) last decided. Immutable; the daemon publishes a new
 * one when they change and the server threads read the latest.
 *
 * @param leap                 leap indicator; {@link LeapIndicator#UNSYNCHRONIZED} until synchronised
 * @param stratum              1 to 15 when synchronised, {@link #STRATUM_UNSYNCHRONIZED} when not
 * @param precisionLog2        precision of the system clock, log2 seconds
 * @param rootDelayNanos       total round-trip delay to the reference clock
 * @param rootDispersionNanos  total dispersion to the reference clock at the reference time
 * @param referenceIdBits      the reference ID as on the wire
 * @param referenceTimeNanos   when the clock was last set or corrected (Unix ns), 0 if never
 * @param smear                the leap smear to add to the served timestamps ({@code leapsmearinterval}),
 *                             present while a leap is pending and the smear is on
 */
public record SystemVariables(
        LeapIndicator leap,
        int stratum,
        int precisionLog2,
        long rootDelayNanos,
        long rootDispersionNanos,
        int referenceIdBits,
        long referenceTimeNanos,
        Optional<ServedSmear> smear) {

    /** ntpd's internal stratum of an unsynchronised server; it goes on the wire as 0. */
    public static final int STRATUM_UNSYNCHRONIZED = 16;

    /** Requires a smear or its absence. */
    public SystemVariables {
        Objects.requireNonNull(smear, "smear");
    }

    /** System variables that serve the clock's time as it is, unsmeared. */
    public SystemVariables(LeapIndicator leap, int stratum, int precisionLog2, long rootDelayNanos,
            long rootDispersionNanos, int referenceIdBits, long referenceTimeNanos) {
        this(leap, stratum, precisionLog2, rootDelayNanos, rootDispersionNanos, referenceIdBits, referenceTimeNanos,
                Optional.empty());
    }

    /** What a server that has never been synchronised serves, as ntpd does: LI 3, stratum 16, refid INIT. */
    public static SystemVariables unsynchronized(int precisionLog2) {
        return new SystemVariables(LeapIndicator.UNSYNCHRONIZED, STRATUM_UNSYNCHRONIZED, precisionLog2, 0, 0,
                KissCode.INIT.referenceId().bits(), 0);
    }

    /** The stratum field of a packet: ntpd's STRATUM_TO_PKT maps "unspecified" (16) to 0. */
    public int packetStratum() {
        return stratum >= STRATUM_UNSYNCHRONIZED ? 0 : stratum;
    }
}
