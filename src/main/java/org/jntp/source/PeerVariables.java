package org.jntp.source;

import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;

/**
 * What a usable packet says of its sender (RFC 5905 §11: the peer variables copied from the
 * header), for the selection and for ntpq.
 *
 * @param leap                  leap indicator
 * @param version               NTP version of the packet
 * @param stratum               1 to 15
 * @param pollLog2              the sender's poll exponent, log2 seconds
 * @param precisionLog2         the sender's clock precision, log2 seconds
 * @param rootDelaySeconds      the sender's round-trip delay to its reference clock
 * @param rootDispersionSeconds the sender's dispersion to its reference clock
 * @param referenceId           the sender's reference identifier
 * @param referenceTime         when the sender's clock was last set or corrected
 */
public record PeerVariables(LeapIndicator leap, int version, int stratum, int pollLog2, int precisionLog2,
        double rootDelaySeconds, double rootDispersionSeconds, ReferenceId referenceId, NtpTimestamp referenceTime) {

    /** The variables of a packet header. */
    public static PeerVariables of(NtpHeader header) {
        return new PeerVariables(header.leap(), header.version(), header.stratum(), header.poll(),
                header.precision(), header.rootDelay().toSeconds(), header.rootDispersion().toSeconds(),
                header.referenceId(), header.referenceTime());
    }
}
