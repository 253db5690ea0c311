package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.PeerStatus;

/**
 * One association as mode 6 shows it: its peer status word and peer variables, in ntpd's terms.
 *
 * @param associationId the association ID, 1 to 65535
 * @param source the source's address and port ({@code srcadr}, {@code srcport})
 * @param hostName the name the configuration gave, if any ({@code srchost})
 * @param local our address and port the source sees, if known ({@code dstadr}, {@code dstport})
 * @param status the peer status word
 * @param leap the leap indicator of the source's last packet
 * @param stratum its stratum, 16 before any packet
 * @param precisionLog2 its precision, log2 seconds
 * @param rootDelaySeconds its root delay
 * @param rootDispersionSeconds its root dispersion
 * @param referenceIdBits its reference ID
 * @param referenceTimeBits its reference time as an NTP timestamp
 * @param receiveNanos when its last usable packet arrived (Unix ns), 0 if none did ({@code rec})
 * @param reach the reachability register
 * @param unreach polls since it was last reachable
 * @param hostMode our mode towards it: 3 client, 1 symmetric active
 * @param peerMode the mode of its last packet, 0 before any
 * @param hostPollLog2 our poll exponent ({@code hpoll})
 * @param peerPollLog2 its poll exponent ({@code ppoll})
 * @param flash the tests its last packet failed, ntpd's {@code TEST*} bits
 * @param sent packets sent to it
 * @param received packets taken from it
 * @param offsetSeconds the clock filter's offset
 * @param delaySeconds the clock filter's delay
 * @param dispersionSeconds the clock filter's dispersion
 * @param jitterSeconds the clock filter's jitter
 * @param filterDelaysSeconds the filter stages' delays, newest first
 * @param filterOffsetsSeconds the filter stages' offsets, newest first
 * @param filterDispersionsSeconds the filter stages' dispersions, newest first
 * @param clock present for a reference clock: what READCLOCK shows of it
 * @param keyId the symmetric key its packets are signed with ({@code keyid}), 0 for none
 */
public record AssociationState(int associationId, InetSocketAddress source, Optional<String> hostName,
        Optional<InetSocketAddress> local, PeerStatus status, LeapIndicator leap, int stratum, int precisionLog2,
        double rootDelaySeconds, double rootDispersionSeconds, int referenceIdBits, long referenceTimeBits,
        long receiveNanos, int reach, int unreach, int hostMode, int peerMode, int hostPollLog2, int peerPollLog2,
        int flash, long sent, long received, double offsetSeconds, double delaySeconds, double dispersionSeconds,
        double jitterSeconds, List<Double> filterDelaysSeconds, List<Double> filterOffsetsSeconds,
        List<Double> filterDispersionsSeconds, Optional<ClockState> clock, long keyId) {

    /** Checks the ID fits 16 bits and copies the lists. */
    public AssociationState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(leap, "leap");
        Objects.requireNonNull(clock, "clock");
        if (associationId < 1 || associationId > 0xFFFF) {
            throw new IllegalArgumentException("association ID out of range: " + associationId);
        }
        filterDelaysSeconds = List.copyOf(filterDelaysSeconds);
        filterOffsetsSeconds = List.copyOf(filterOffsetsSeconds);
        filterDispersionsSeconds = List.copyOf(filterDispersionsSeconds);
    }

    /** An association without a symmetric key. */
    public AssociationState(int associationId, InetSocketAddress source, Optional<String> hostName,
            Optional<InetSocketAddress> local, PeerStatus status, LeapIndicator leap, int stratum, int precisionLog2,
            double rootDelaySeconds, double rootDispersionSeconds, int referenceIdBits, long referenceTimeBits,
            long receiveNanos, int reach, int unreach, int hostMode, int peerMode, int hostPollLog2, int peerPollLog2,
            int flash, long sent, long received, double offsetSeconds, double delaySeconds, double dispersionSeconds,
            double jitterSeconds, List<Double> filterDelaysSeconds, List<Double> filterOffsetsSeconds,
            List<Double> filterDispersionsSeconds, Optional<ClockState> clock) {
        this(associationId, source, hostName, local, status, leap, stratum, precisionLog2, rootDelaySeconds,
                rootDispersionSeconds, referenceIdBits, referenceTimeBits, receiveNanos, reach, unreach, hostMode,
                peerMode, hostPollLog2, peerPollLog2, flash, sent, received, offsetSeconds, delaySeconds,
                dispersionSeconds, jitterSeconds, filterDelaysSeconds, filterOffsetsSeconds, filterDispersionsSeconds,
                clock, 0);
    }

    /** A reference clock driver ({@code 127.127.t.u}) rather than a server or peer. */
    public boolean isRefclock() {
        return clock.isPresent();
    }
}
