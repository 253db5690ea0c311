package org.jntp.discipline;

import org.jntp.clock.Clock;

/**
 * The clock discipline: turns measurements of the offset between the true time and our clock into
 * corrections of the clock's phase and frequency.
 *
 * <p>Not ntpd's PLL/FLL. A Kalman filter ({@link OffsetEstimator}) estimates the offset and the
 * frequency error together, weighing each measurement by its own error (which the caller derives
 * from the sample's delay, so that a packet delayed in a queue counts for little), and the clock
 * is corrected by the whole estimate at once: the phase by a slew, the frequency directly. Phase
 * and frequency are thus controlled independently, as chrony does, with the optimal weighting of
 * old against new measurements that chrony's regression approximates. As a measurement's error is
 * bounded (by half its round trip's excess over the path's least), an estimate the update leaves
 * beyond that bound is brought back to it, however little the measurement weighed: a sample that
 * queued little pins the offset even when the filter trusted its past too much. How fast the frequency
 * wanders is itself estimated from the innovations; with the frequency's remaining uncertainty it
 * sets the poll interval, which stretches further while the offset is known far better than a
 * typical measurement tells it.
 *
 * <p>Steps follow ntpd: at start an offset beyond the step threshold is stepped at once; once
 * synchronised it must persist for the stepout interval first; beyond the panic threshold the
 * discipline gives up unless {@code -g} allowed it once.
 */
public final class ClockDiscipline {

    /** Where the discipline is, named after ntpd's states where they match. */
    public enum State {
        /** No measurement taken yet. */
        NSET,
        /** Following the measurements. */
        SYNC,
        /** A measurement beyond the step threshold arrived while synchronised: waiting out the stepout interval. */
        SPIK
    }

    /**
     * Frequency wander assumed at start, (s/s)² per second: a good quartz (0.001 ppm/√s); the
     * innovations raise it if the clock proves worse.
     */
    private static final double INITIAL_WANDER = 1e-18;
    private static final double MIN_WANDER = 1e-22;
    private static final double MAX_WANDER = 1e-12;
    /** A normalised squared innovation above this (3σ) counts as this much. */
    private static final double WANDER_SCORE_CAP = 9;
    /** Innovations of twice the predicted variance it takes to double the wander. */
    private static final double WANDER_STEPS_PER_DOUBLING = 16;
    /** A squared innovation this many times its predicted variance (3σ) means the wander is underestimated. */
    private static final double SURPRISE_SCORE = 9;
    /** The most one surprise may raise the wander by: over a short poll, noise can pass for a lot of wander. */
    private static final double SURPRISE_MAX_FACTOR = 4;
    /** How far, in standard deviations of the prediction, a measurement may fall before it is doubted. */
    private static final double OUTLIER_GATE_SIGMAS = 5;
    /**
     * Doubted measurements in a row after which the discipline accepts it was wrong and follows them,
     * even on alternate sides; two in a row on the same side are followed at once.
     */
    private static final int OUTLIERS_BEFORE_FOLLOWING = 3;
    /** Frequency uncertainty at start without a drift file (the kernel's limit) and with one. */
    private static final double COLD_RATE_SIGMA = Clock.MAX_FREQUENCY_PPM * 1e-6;
    private static final double WARM_RATE_SIGMA = 1e-6;
    /**
     * How far the clock may wander, one standard deviation, between two polls once its frequency is
     * known: the steady poll interval follows from the wander estimate, so a noisy network is
     * polled as often as a quiet one and its noise is averaged over as many samples.
     */
    private static final double POLL_WANDER_SECONDS = 9e-6;
    /**
     * The share of a typical measurement's error variance the offset's variance may grow to by the
     * next poll for that poll to come later than the wander allows. A measurement ten times less
     * certain than the estimate moves it by a tenth of its own error at most, so polling sooner
     * buys little: after a sample that queued little and pinned the offset the poll stretches, while
     * after ordinary samples it stays the wander's. The traffic saved there is what lets a noisy
     * path be polled as seldom as chronyd polls it without averaging fewer of its ordinary samples.
     */
    private static final double POLL_VARIANCE_FRACTION = 0.1;
    /** Measurements the typical error variance is the running mean of. */
    private static final int TYPICAL_ERROR_MEASUREMENTS = 32;
    /**
     * How far the frequency still unknown may move the clock, one standard deviation, between two
     * polls: keeps the poll short at start until the frequency is learned.
     */
    private static final double POLL_FREQUENCY_SECONDS = 200e-6;

    private final DisciplineSettings settings;
    private final OffsetEstimator estimator;
    private State state = State.NSET;
    private double frequencyPpm;
    private double wander = INITIAL_WANDER;
    private double typicalErrorVariance;
    private int typicalErrorCount;
    private double lastOffsetSeconds;
    private long spikeSinceNanos;
    private int outliersInRow;
    private long firstOutlierNanos;
    private double firstOutlierSign;
    private long lastUsedNanos;
    private boolean panicAllowed;
    private double slewSeconds;
    private long slewStartNanos;

    private ClockDiscipline(DisciplineSettings settings, long nowNanos) {
        this.settings = settings;
        this.frequencyPpm = settings.initialFrequencyPpm();
        this.panicAllowed = settings.panicAllowedOnce();
        this.estimator = OffsetEstimator.unknownOffset(
                settings.frequencyKnown() ? WARM_RATE_SIGMA : COLD_RATE_SIGMA, nowNanos);
    }

    /** A discipline that has measured nothing yet, at {@code nowNanos} on our clock. */
    public static ClockDiscipline start(DisciplineSettings settings, long nowNanos) {
        return new ClockDiscipline(settings, nowNanos);
    }

    /**
     * Takes in one measurement of the system peer and says what to do to the clock. Only the system
     * peer can step the clock, start it, or make the discipline follow measurements it doubted.
     */
    public ClockCorrection update(Measurement measurement) {
        long epoch = measurement.epochNanos();
        double offset = measurement.offsetSeconds() - slewPendingSeconds(epoch);
        if (settings.beyondPanic(offset) && !panicAllowed) {
            return new ClockCorrection.Panic(offset);
        }
        panicAllowed = false;
        estimator.predict(epoch, wander);
        boolean beyondStep = Math.abs(offset) > settings.stepThresholdSeconds();
        return switch (state) {
            case NSET -> beyondStep ? step(offset, measurement) : correct(offset, measurement);
            case SYNC -> beyondStep ? spike(epoch) : gated(offset, measurement);
            case SPIK -> !beyondStep ? gated(offset, measurement)
                    : epoch - spikeSinceNanos >= settings.stepoutSeconds() * 1e9 ? step(offset, measurement)
                    : new ClockCorrection.Hold(ClockCorrection.HoldReason.SPIKE);
        };
    }

    /**
     * Takes in a measurement of another survivor of selection, which sharpens the estimate but may
     * carry its own path's bias: it is used only if it agrees with the estimate, and never steps
     * the clock, starts it, or raises the wander. Before the system peer has started the
     * discipline it is left aside.
     */
    public ClockCorrection corroborate(Measurement measurement) {
        long epoch = measurement.epochNanos();
        double offset = measurement.offsetSeconds() - slewPendingSeconds(epoch);
        if (state != State.SYNC) {
            return new ClockCorrection.Hold(ClockCorrection.HoldReason.SPIKE);
        }
        estimator.predict(epoch, wander);
        double innovation = offset - estimator.expectedOffsetSeconds(measurement.ageSeconds());
        double variance = estimator.innovationVariance(measurement.errorVarianceSeconds2(), measurement.ageSeconds());
        if (innovation * innovation > SURPRISE_SCORE * variance) {
            return new ClockCorrection.Hold(ClockCorrection.HoldReason.OUTLIER);
        }
        return correct(offset, measurement);
    }

    private ClockCorrection spike(long epoch) {
        state = State.SPIK;
        spikeSinceNanos = epoch;
        return new ClockCorrection.Hold(ClockCorrection.HoldReason.SPIKE);
    }

    private ClockCorrection step(double offset, Measurement measurement) {
        state = State.SYNC;
        lastOffsetSeconds = offset;
        slewSeconds = 0;
        estimator.resetOffset(Math.sqrt(measurement.errorVarianceSeconds2()));
        return new ClockCorrection.Step(offset, frequencyPpm);
    }

    private ClockCorrection gated(double offset, Measurement measurement) {
        double r = measurement.errorVarianceSeconds2();
        double innovation = offset - estimator.expectedOffsetSeconds(measurement.ageSeconds());
        double variance = estimator.innovationVariance(r, measurement.ageSeconds());
        double score = innovation * innovation / variance;
        boolean outlier = score > OUTLIER_GATE_SIGMAS * OUTLIER_GATE_SIGMAS;
        // a second doubted measurement on the same side is the clock moving, not a spike
        boolean confirmed = outliersInRow > 0 && Math.signum(innovation) == firstOutlierSign;
        if (outlier && !confirmed && outliersInRow < OUTLIERS_BEFORE_FOLLOWING) {
            if (outliersInRow++ == 0) {
                firstOutlierNanos = measurement.epochNanos();
                firstOutlierSign = Math.signum(innovation);
            }
            return new ClockCorrection.Hold(ClockCorrection.HoldReason.OUTLIER);
        }
        long epoch = measurement.epochNanos();
        if (outliersInRow > 0) {
            double overSeconds = (epoch - firstOutlierNanos) / 1e9;
            estimator.widen(innovation, overSeconds);
            explainByWander(innovation, 0, overSeconds);
        } else if (score > SURPRISE_SCORE) {
            double sinceSeconds = (epoch - lastUsedNanos) / 1e9;
            explainByWander(innovation, variance - wander * Math.pow(sinceSeconds, 3) / 3, sinceSeconds);
        } else {
            adaptWander(score);
        }
        outliersInRow = 0;
        lastUsedNanos = epoch;
        return correct(offset, measurement);
    }

    /**
     * Raises the wander estimate at least to what explains an innovation that the model did not
     * expect: one beyond {@link #SURPRISE_SCORE}, or one the discipline followed after doubting it.
     * The gentle adaptation alone would take dozens of polls to catch up with a clock that wanders
     * ten times more than assumed, and the offset would run away meanwhile.
     */
    private void explainByWander(double innovation, double explainedVariance, double overSeconds) {
        double span = Math.max(overSeconds, 1);
        double needed = 3 * (innovation * innovation - explainedVariance) / (span * span * span);
        wander = Math.clamp(Math.max(wander, Math.min(needed, wander * SURPRISE_MAX_FACTOR)), MIN_WANDER, MAX_WANDER);
    }

    /**
     * Nudges the wander estimate by the innovation: a squared innovation larger than its predicted
     * variance means the clock moved more than the model allowed, a smaller one less. The step in
     * log2 is the normalised innovation less one, which averages zero when the model is right;
     * capped, so that one odd measurement cannot move it far.
     */
    private void adaptWander(double score) {
        double step = (Math.min(score, WANDER_SCORE_CAP) - 1) / WANDER_STEPS_PER_DOUBLING;
        wander = Math.clamp(wander * Math.pow(2, step), MIN_WANDER, MAX_WANDER);
    }

    private ClockCorrection correct(double offset, Measurement measurement) {
        double r = measurement.errorVarianceSeconds2();
        typicalErrorCount = Math.min(typicalErrorCount + 1, TYPICAL_ERROR_MEASUREMENTS);
        typicalErrorVariance += (r - typicalErrorVariance) / typicalErrorCount;
        state = State.SYNC;
        lastOffsetSeconds = offset;
        estimator.update(offset, r, measurement.ageSeconds());
        estimator.constrain(offset, measurement.errorBoundSeconds(), measurement.ageSeconds());
        long epoch = measurement.epochNanos();
        double pending = slewPendingSeconds(epoch);
        double newFrequency = Math.clamp(frequencyPpm + estimator.rate() * 1e6,
                -Clock.MAX_FREQUENCY_PPM, Clock.MAX_FREQUENCY_PPM);
        double slew = Math.clamp(pending + estimator.offsetSeconds(), -Clock.MAX_SLEW_SECONDS, Clock.MAX_SLEW_SECONDS);
        estimator.applied(slew - pending, (newFrequency - frequencyPpm) * 1e-6);
        frequencyPpm = newFrequency;
        slewSeconds = slew;
        slewStartNanos = epoch;
        return new ClockCorrection.Slew(slew, newFrequency, slew - pending);
    }

    /**
     * The part of the last slew the clock has not yet applied at {@code nowNanos}: a sample taken
     * then reads that much more than it will once the slew is done.
     */
    public double slewPendingSeconds(long nowNanos) {
        double done = settings.maxSlewRatePpm() * 1e-6 * Math.max(0, nowNanos - slewStartNanos) / 1e9;
        return Math.copySign(Math.max(0, Math.abs(slewSeconds) - done), slewSeconds);
    }

    /**
     * The poll exponent the discipline would like: the longest interval over which the frequency
     * error still unknown would move the clock by no more than {@link #POLL_FREQUENCY_SECONDS}, and
     * over which either the clock's wander would move it by no more than
     * {@link #POLL_WANDER_SECONDS} or the offset's variance would stay within
     * {@link #POLL_VARIANCE_FRACTION} of a typical measurement's. Before the first measurement, the
     * shortest.
     */
    public int pollLog2() {
        if (state == State.NSET) {
            return NtpConstants.MINPOLL_LIMIT;
        }
        for (int log2 = NtpConstants.MAXPOLL_LIMIT; log2 > NtpConstants.MINPOLL_LIMIT; log2--) {
            double tau = Math.scalb(1.0, log2);
            boolean frequencyKnown = tau * tau * estimator.rateVariance() <= POLL_FREQUENCY_SECONDS * POLL_FREQUENCY_SECONDS;
            boolean wanderSmall = wander * tau * tau * tau / 3 <= POLL_WANDER_SECONDS * POLL_WANDER_SECONDS;
            boolean offsetKnown = estimator.predictedOffsetVariance(tau, wander)
                    <= POLL_VARIANCE_FRACTION * typicalErrorVariance;
            if (frequencyKnown && (wanderSmall || offsetKnown)) {
                return log2;
            }
        }
        return NtpConstants.MINPOLL_LIMIT;
    }

    public State state() {
        return state;
    }

    /** The frequency correction in force, ppm (ntpq's {@code frequency}). */
    public double frequencyPpm() {
        return frequencyPpm;
    }

    /** The offset of the last measurement used, seconds (ntpq's {@code offset}). */
    public double lastOffsetSeconds() {
        return lastOffsetSeconds;
    }

    /** The estimated error of the clock's phase now, one standard deviation, seconds. */
    public double offsetErrorSeconds() {
        return Math.sqrt(estimator.offsetVariance());
    }

    /** The estimated frequency wander, ppm per √s... as ntpq's {@code clk_wander} reports it, in ppm. */
    public double wanderPpm() {
        return Math.sqrt(wander) * 1e6;
    }
}
