package org.jntp.source;

import java.util.Objects;
import org.jntp.discipline.NtpConstants;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;

/**
 * What this host says of itself in the packets it sends a symmetric peer: the system variables of
 * RFC 5905 §11 as the discipline last set them.
 *
 * @param leap                  leap indicator; {@link LeapIndicator#UNSYNCHRONIZED} until synchronised
 * @param stratum               1 to 15 when synchronised, 16 when not (sent as 0)
 * @param precisionLog2         precision of our clock, log2 seconds
 * @param rootDelaySeconds      round-trip delay to the reference clock
 * @param rootDispersionSeconds dispersion to the reference clock
 * @param referenceId           the system peer's identifier, or a kiss code such as INIT
 * @param referenceTimeNanos    when the clock was last set or corrected (Unix ns), 0 if never
 */
public record LocalSystem(LeapIndicator leap, int stratum, int precisionLog2, double rootDelaySeconds,
        double rootDispersionSeconds, ReferenceId referenceId, long referenceTimeNanos) {

    /** Checks the stratum is 1 to 16. */
    public LocalSystem {
        Objects.requireNonNull(leap, "leap");
        Objects.requireNonNull(referenceId, "referenceId");
        if (stratum < 1 || stratum > NtpConstants.MAXSTRAT) {
            throw new IllegalArgumentException("stratum " + stratum);
        }
    }

    /** A host never synchronised, as ntpd starts: leap 3, stratum 16, reference INIT. */
    public static LocalSystem unsynchronized(int precisionLog2) {
        return new LocalSystem(LeapIndicator.UNSYNCHRONIZED, NtpConstants.MAXSTRAT, precisionLog2, 0, 0,
                KissCode.INIT.referenceId(), 0);
    }

    /** The stratum field of a packet: ntpd's STRATUM_TO_PKT sends "unsynchronised" (16) as 0. */
    int packetStratum() {
        return stratum >= NtpConstants.MAXSTRAT ? 0 : stratum;
    }
}
