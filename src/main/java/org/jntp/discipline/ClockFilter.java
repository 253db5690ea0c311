package org.jntp.discipline;

/**
 * The clock filter of one association (RFC 5905 §10, appendix A.5.2, as ntpd 4.2.8's
 * {@code clock_filter}): an 8-stage shift register of samples from which the lowest-delay one
 * gives the peer offset and delay. Mutable, not thread-safe, and deterministic: every time is an
 * argument, none is read.
 */
public final class ClockFilter {
    /** Popcorn spike gate: a jump beyond this many jitters is a spike (ntpd's CLOCK_SGATE). */
    public static final double SGATE = 3.0;
    /**
     * Samples older than this are ranked by delay plus dispersion rather than delay alone, as they
     * decorrelate past the Allan intercept (ntpd's default {@code tinker allan 11}, 2^11 s).
     */
    public static final long ALLAN_INTERCEPT_NANOS = 2048L * 1_000_000_000L;

    private static final double NANOS_PER_SECOND = 1e9;

    private final double precisionSeconds;
    private final double maxDistanceSeconds;

    // the register, indexed by stage; next is the stage the next sample overwrites
    private final double[] offsets = new double[NtpConstants.NSTAGE];
    private final double[] delays = new double[NtpConstants.NSTAGE];
    private final double[] dispersions = new double[NtpConstants.NSTAGE];
    private final long[] epochs = new long[NtpConstants.NSTAGE];
    private int next;

    // scratch for the sort: stage numbers and their ranking distances, best first
    private final int[] order = new int[NtpConstants.NSTAGE];
    private final double[] distances = new double[NtpConstants.NSTAGE];

    private boolean aged;
    private long updateNanos;
    private boolean anyUsed;
    private long usedEpochNanos;
    private PeerStatistics statistics;
    private double sampledDispersionSeconds = NtpConstants.MAXDISP;

    /**
     * @param precisionSeconds   the system precision, the floor of the jitter
     * @param maxDistanceSeconds {@code tos maxdist}: beyond two samples, stages this far off are left
     *                           out of the jitter and the spike test
     */
    public ClockFilter(double precisionSeconds, double maxDistanceSeconds) {
        this.precisionSeconds = precisionSeconds;
        this.maxDistanceSeconds = maxDistanceSeconds;
        clear();
    }

    /** A filter with ntpd's default {@code tos maxdist}. */
    public static ClockFilter withDefaults(double precisionSeconds) {
        return new ClockFilter(precisionSeconds, NtpConstants.MAXDIST);
    }

    /**
     * The sample the poll process shifts in when the source has not answered for three polls
     * (RFC 5905 §10): it carries only {@link NtpConstants#MAXDISP}, so it is never used.
     */
    public static Sample dummySample(long nowNanos) {
        return new Sample(0, NtpConstants.MAXDISP, NtpConstants.MAXDISP, nowNanos);
    }

    /** Empties every stage (all {@link NtpConstants#MAXDISP}), as after a clock step or a reset. */
    public void clear() {
        for (int stage = 0; stage < NtpConstants.NSTAGE; stage++) {
            offsets[stage] = 0;
            delays[stage] = 0;
            dispersions[stage] = NtpConstants.MAXDISP;
            epochs[stage] = 0;
        }
        next = 0;
        aged = false;
        updateNanos = 0;
        anyUsed = false;
        usedEpochNanos = 0;
        statistics = PeerStatistics.empty(precisionSeconds);
        sampledDispersionSeconds = NtpConstants.MAXDISP;
    }

    /**
     * Moves every stage's offset by {@code -correctionSeconds}: the clock was just corrected by that
     * much, so the samples taken before would have read that much less on it. Without this, a large
     * first slew leaves stale offsets in the filter, and its jitter, hence its distance, balloons.
     */
    public void shift(double correctionSeconds) {
        for (int stage = 0; stage < NtpConstants.NSTAGE; stage++) {
            offsets[stage] -= correctionSeconds;
        }
        statistics = new PeerStatistics(statistics.offsetSeconds() - correctionSeconds, statistics.delaySeconds(),
                statistics.dispersionSeconds(), statistics.jitterSeconds(), statistics.epochNanos(),
                statistics.updateNanos());
    }

    /**
     * Shifts a sample in, ages the older stages by φ × the time since the last sample and reruns the
     * filter.
     *
     * @param sample        the new sample; its arrival time is the filter's "now"
     * @param hostPollLog2  the association's poll exponent, which bounds how long a spike may hold
     */
    public FilterResult add(Sample sample, int hostPollLog2) {
        long nowNanos = sample.epochNanos();
        offsets[next] = sample.offsetSeconds();
        delays[next] = sample.delaySeconds();
        dispersions[next] = sample.dispersionSeconds();
        epochs[next] = nowNanos;
        int newest = next;
        next = (next + 1) % NtpConstants.NSTAGE;

        double ageing = aged ? NtpConstants.PHI * Math.max(0, nowNanos - updateNanos) / NANOS_PER_SECOND : 0;
        aged = true;
        updateNanos = nowNanos;
        rankStages(newest, ageing, nowNanos);

        int usable = countUsable();
        double dispersion = weightedDispersion();
        sampledDispersionSeconds = sampledDispersion();
        if (usable == 0) {
            statistics = new PeerStatistics(statistics.offsetSeconds(), statistics.delaySeconds(), dispersion,
                    statistics.jitterSeconds(), statistics.epochNanos(), nowNanos);
            return new FilterResult.NoValidSample();
        }
        int best = order[0];
        double jitter = Math.max(jitter(usable), precisionSeconds);
        double jumpSeconds = Math.abs(statistics.offsetSeconds() - offsets[best]);
        // as in ntpd, the peer variables follow the best stage even when it is not handed on, so a
        // spike that is still the best one at the next sample no longer counts as a jump
        statistics = new PeerStatistics(offsets[best], delays[best], dispersion, jitter, usedEpochNanos, nowNanos);

        if (isPopcornSpike(best, dispersion, jitter, jumpSeconds, hostPollLog2)) {
            return new FilterResult.PopcornSpike(jumpSeconds);
        }
        if (anyUsed && epochs[best] <= usedEpochNanos) {
            return new FilterResult.OldSample();
        }
        anyUsed = true;
        usedEpochNanos = epochs[best];
        statistics = new PeerStatistics(offsets[best], delays[best], dispersion, jitter, usedEpochNanos, nowNanos);
        return new FilterResult.Used(statistics);
    }

    /** The current peer variables: offset, delay, filter dispersion ({@code ntpq disp}) and jitter. */
    public PeerStatistics statistics() {
        return statistics;
    }

    /** The filter dispersion as {@code ntpq} shows it ({@code disp}), as of the last sample. */
    public double dispersionSeconds() {
        return statistics.dispersionSeconds();
    }

    /**
     * The filter dispersion over the stages that hold a sample, leaving out the empty ones that
     * {@link #dispersionSeconds()} counts at {@link NtpConstants#MAXDISP}; MAXDISP while every stage
     * is empty. The RFC's empty stages keep a new source out of selection until about four samples
     * are in; with this a source can be judged on its first sample, its distance still carrying
     * that sample's own dispersion, delay and the system's floor.
     */
    public double sampledDispersionSeconds() {
        return sampledDispersionSeconds;
    }

    /** Each stage's offset, newest first ({@code ntpq rv}'s {@code filtoffset}). */
    public double[] filterOffsetsSeconds() {
        return newestFirst(offsets);
    }

    /** Each stage's delay, newest first ({@code filtdelay}). */
    public double[] filterDelaysSeconds() {
        return newestFirst(delays);
    }

    /** Each stage's dispersion as of the last sample, newest first ({@code filtdisp}). */
    public double[] filterDispersionsSeconds() {
        return newestFirst(dispersions);
    }

    /** Each stage's arrival time, newest first; 0 for a stage never filled. */
    public long[] filterEpochsNanos() {
        long[] copy = new long[NtpConstants.NSTAGE];
        for (int i = 0; i < NtpConstants.NSTAGE; i++) {
            copy[i] = epochs[stageFromNewest(i)];
        }
        return copy;
    }

    /**
     * Ages every stage but the newest, then orders the stages by distance, ties newest first: the
     * delay, or delay plus dispersion past the Allan intercept, or MAXDISP for an empty stage.
     */
    private void rankStages(int newest, double ageing, long nowNanos) {
        for (int i = 0; i < NtpConstants.NSTAGE; i++) {
            int stage = stageFromNewest(i);
            if (stage != newest) {
                dispersions[stage] += ageing;
            }
            double distance;
            if (dispersions[stage] >= NtpConstants.MAXDISP) {
                dispersions[stage] = NtpConstants.MAXDISP;
                distance = NtpConstants.MAXDISP;
            } else if (nowNanos - epochs[stage] > ALLAN_INTERCEPT_NANOS) {
                distance = delays[stage] + dispersions[stage];
            } else {
                distance = delays[stage];
            }
            insertRanked(i, stage, distance);
        }
    }

    /** Insertion sort step: stable, so equal distances keep newest-first order. */
    private void insertRanked(int filled, int stage, double distance) {
        int at = filled;
        while (at > 0 && distances[at - 1] > distance) {
            distances[at] = distances[at - 1];
            order[at] = order[at - 1];
            at--;
        }
        distances[at] = distance;
        order[at] = stage;
    }

    /** How many of the best-ranked stages count: below MAXDISP, and beyond two, below maxdist. */
    private int countUsable() {
        int usable = 0;
        while (usable < NtpConstants.NSTAGE && distances[usable] < NtpConstants.MAXDISP
                && (usable < 2 || distances[usable] < maxDistanceSeconds)) {
            usable++;
        }
        return usable;
    }

    private double weightedDispersion() {
        double dispersion = 0;
        for (int i = NtpConstants.NSTAGE - 1; i >= 0; i--) {
            dispersion = 0.5 * (dispersion + dispersions[order[i]]);
        }
        return dispersion;
    }

    private double sampledDispersion() {
        double dispersion = 0;
        double weight = 0.5;
        boolean any = false;
        for (int i = 0; i < NtpConstants.NSTAGE && distances[i] < NtpConstants.MAXDISP; i++) {
            dispersion += weight * dispersions[order[i]];
            weight /= 2;
            any = true;
        }
        return any ? dispersion : NtpConstants.MAXDISP;
    }

    private double jitter(int usable) {
        if (usable < 2) {
            return 0;
        }
        double best = offsets[order[0]];
        double sumOfSquares = 0;
        for (int i = 1; i < usable; i++) {
            double difference = offsets[order[i]] - best;
            sumOfSquares += difference * difference;
        }
        return Math.sqrt(sumOfSquares / (usable - 1));
    }

    /**
     * ntpd's popcorn test: both the filter and the chosen stage are within maxdist, the offset jumped
     * more than SGATE jitters, and the last sample used is less than two poll intervals old.
     */
    private boolean isPopcornSpike(int best, double dispersion, double jitter, double jumpSeconds,
            int hostPollLog2) {
        if (!anyUsed) {
            return false;
        }
        double holdingSeconds = (epochs[best] - usedEpochNanos) / NANOS_PER_SECOND;
        return dispersion < maxDistanceSeconds
                && dispersions[best] < maxDistanceSeconds
                && jumpSeconds > SGATE * jitter
                && holdingSeconds < 2.0 * Math.scalb(1.0, hostPollLog2);
    }

    private int stageFromNewest(int age) {
        return Math.floorMod(next - 1 - age, NtpConstants.NSTAGE);
    }

    private double[] newestFirst(double[] stages) {
        double[] copy = new double[NtpConstants.NSTAGE];
        for (int i = 0; i < NtpConstants.NSTAGE; i++) {
            copy[i] = stages[stageFromNewest(i)];
        }
        return copy;
    }
}
