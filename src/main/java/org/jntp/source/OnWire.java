package org.jntp.source;

import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.Sample;

/** The on-wire calculations of RFC 5905 §8 from the four timestamps of one exchange, in Unix ns. */
final class OnWire {
    private static final double SECONDS_PER_NANO = 1e-9;

    private OnWire() {}

    /**
     * θ = ((T2 − T1) + (T3 − T4)) / 2; δ = |(T4 − T1) − (T3 − T2)|, at least our precision;
     * ε = both precisions + φ × (T4 − T1). The delay is taken absolute as ntpd does, so that a
     * server whose clock ran fast during the exchange cannot pass for a zero-delay source.
     *
     * @param t1 our clock when the request left
     * @param t2 the sender's clock when the request arrived
     * @param t3 the sender's clock when the reply left
     * @param t4 our clock when the reply arrived, also the sample's epoch
     */
    static Sample sample(long t1, long t2, long t3, long t4, int senderPrecisionLog2, int precisionLog2) {
        double precision = Math.scalb(1.0, precisionLog2);
        double offset = ((t2 - t1) + (t3 - t4)) * 0.5 * SECONDS_PER_NANO;
        double delay = Math.max(Math.abs((t4 - t1) - (t3 - t2)) * SECONDS_PER_NANO, precision);
        double roundTrip = Math.max(0, t4 - t1) * SECONDS_PER_NANO;
        double dispersion = Math.scalb(1.0, senderPrecisionLog2) + precision + NtpConstants.PHI * roundTrip;
        return new Sample(offset, delay, dispersion, t4);
    }
}
