package org.jntp.discipline;

/**
 * A two-state Kalman filter of the offset θ of the true time from our clock and of its rate φ
 * (our clock's remaining frequency error, s/s, positive when our clock runs slow). Between
 * measurements θ grows by φ per second, and φ wanders as a random walk whose intensity
 * ({@code wander}, (s/s)² per second) the discipline adapts from the innovations.
 *
 * <p>The discipline corrects the clock after every update and reports what it applied through
 * {@link #applied}, so the estimates are always of what is left to correct.
 */
final class OffsetEstimator {

    /** Random phase noise of the clock itself, s² per second: keeps the filter from growing overconfident. */
    private static final double PHASE_NOISE = 1e-17;

    private double offsetSeconds;
    private double rate;
    private double pOffset;
    private double pCross;
    private double pRate;
    private long epochNanos;

    private OffsetEstimator(double pOffset, double pRate, long epochNanos) {
        this.pOffset = pOffset;
        this.pRate = pRate;
        this.epochNanos = epochNanos;
    }

    /**
     * A filter that knows nothing of the offset yet and knows the rate to within
     * {@code rateSigma} (s/s, one standard deviation).
     */
    static OffsetEstimator unknownOffset(double rateSigma, long epochNanos) {
        return new OffsetEstimator(1.0, rateSigma * rateSigma, epochNanos);
    }

    /** Moves the estimates forward to {@code nowNanos}, adding the wander of the interval. */
    void predict(long nowNanos, double wander) {
        double tau = Math.max(0, (nowNanos - epochNanos) / 1e9);
        offsetSeconds += rate * tau;
        pOffset = predictedOffsetVariance(tau, wander);
        pCross += tau * pRate + wander * tau * tau / 2;
        pRate += wander * tau;
        epochNanos = Math.max(epochNanos, nowNanos);
    }

    /** The variance the offset will have {@code tauSeconds} after the epoch if no measurement comes meanwhile. */
    double predictedOffsetVariance(double tauSeconds, double wander) {
        return pOffset + 2 * tauSeconds * pCross + tauSeconds * tauSeconds * pRate
                + wander * tauSeconds * tauSeconds * tauSeconds / 3 + PHASE_NOISE * tauSeconds;
    }

    /**
     * What a measurement taken in now but made {@code ageSeconds} ago should read: the offset less
     * the drift at the present rate over its age (the measurement equation θ − a·φ).
     */
    double expectedOffsetSeconds(double ageSeconds) {
        return offsetSeconds - ageSeconds * rate;
    }

    /** The variance of the innovation a measurement with error variance {@code r}, made {@code ageSeconds} ago, would have now. */
    double innovationVariance(double r, double ageSeconds) {
        return pOffset - 2 * ageSeconds * pCross + ageSeconds * ageSeconds * pRate + r;
    }

    /**
     * Takes in a measured offset with error variance {@code r}, made {@code ageSeconds} before the
     * epoch it is taken in at (0 for a fresh one); call {@link #predict} to that epoch first.
     */
    void update(double measuredOffsetSeconds, double r, double ageSeconds) {
        double s = innovationVariance(r, ageSeconds);
        double offsetCovariance = pOffset - ageSeconds * pCross;
        double rateCovariance = pCross - ageSeconds * pRate;
        double gainOffset = offsetCovariance / s;
        double gainRate = rateCovariance / s;
        double innovation = measuredOffsetSeconds - expectedOffsetSeconds(ageSeconds);
        offsetSeconds += gainOffset * innovation;
        rate += gainRate * innovation;
        double newPOffset = pOffset - gainOffset * offsetCovariance;
        double newPCross = pCross - gainOffset * rateCovariance;
        double newPRate = pRate - gainRate * rateCovariance;
        pOffset = newPOffset;
        pCross = newPCross;
        pRate = Math.max(newPRate, 0);
    }

    /**
     * Brings the estimate within {@code boundSeconds} of a measurement just taken in (made
     * {@code ageSeconds} ago), if the update left it outside: the measurement's error cannot exceed
     * that bound, so an estimate beyond it is wrong whatever weight the filter gave the measurement.
     * The rate moves with the offset by their covariance (the estimate projection of a constrained
     * Kalman filter); the variances stay.
     */
    void constrain(double measuredOffsetSeconds, double boundSeconds, double ageSeconds) {
        double expected = expectedOffsetSeconds(ageSeconds);
        double shortfall = Math.clamp(expected, measuredOffsetSeconds - boundSeconds,
                measuredOffsetSeconds + boundSeconds) - expected;
        if (shortfall != 0) {
            double s = innovationVariance(0, ageSeconds);
            offsetSeconds += (pOffset - ageSeconds * pCross) / s * shortfall;
            rate += (pCross - ageSeconds * pRate) / s * shortfall;
        }
    }

    /** Removes a correction the discipline made: a slew of {@code offsetSeconds}, a frequency change of {@code rateChange}. */
    void applied(double offsetSeconds, double rateChange) {
        this.offsetSeconds -= offsetSeconds;
        this.rate -= rateChange;
    }

    /**
     * Admits the estimates were wrong: measurements have disagreed with them by {@code innovation}
     * for {@code overSeconds}, so both the offset and the rate become that much less certain.
     */
    void widen(double innovation, double overSeconds) {
        pOffset += innovation * innovation;
        double rateError = innovation / Math.max(overSeconds, 1);
        pRate += rateError * rateError;
    }

    /** Forgets the offset (after a step), keeping what is known of the rate. */
    void resetOffset(double offsetSigma) {
        offsetSeconds = 0;
        pOffset = offsetSigma * offsetSigma;
        pCross = 0;
    }

    double offsetSeconds() {
        return offsetSeconds;
    }

    double rate() {
        return rate;
    }

    double offsetVariance() {
        return pOffset;
    }

    double rateVariance() {
        return pRate;
    }

    long epochNanos() {
        return epochNanos;
    }
}
