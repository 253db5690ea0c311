package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;

import org.jntp.clock.LeapState;
import org.junit.jupiter.api.Test;

/**
 * The smear as the server serves it, on a clock whose reading runs a fixed {@link #CLOCK_AHEAD_NANOS}
 * ahead of the monotonic clock until the kernel steps it for the leap.
 */
class ServedSmearTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long CLOCK_AHEAD_NANOS = nanos("2016-12-01T00:00:00Z");
    private static final LeapSmear DAY = new LeapSmear(86_400);
    private static final Leap INSERTION = new Leap(LAST_LEAP_NANOS, LeapState.INSERT);
    private static final Leap DELETION = new Leap(LAST_LEAP_NANOS, LeapState.DELETE);
    private static final long NOON_NANOS = nanos("2016-12-31T12:00:00Z");

    /** Published at noon of the leap's day, before the interval's second half. */
    private static ServedSmear publishedAtNoon(Leap leap) {
        return ServedSmear.of(DAY, leap, NOON_NANOS, monotonicBeforeTheStep(NOON_NANOS));
    }

    private static long monotonicBeforeTheStep(long clockNanos) {
        return clockNanos - CLOCK_AHEAD_NANOS;
    }

    /** The monotonic reading with the clock at {@code clockNanos} once the kernel has stepped it by the leap. */
    private static long monotonicAfterTheStep(long clockNanos, Leap leap) {
        return clockNanos - CLOCK_AHEAD_NANOS + leap.taiChangeSeconds() * SECOND;
    }

    private static double servedBeforeTheStep(ServedSmear smear, long clockNanos) {
        return smear.offsetSeconds(clockNanos, monotonicBeforeTheStep(clockNanos));
    }

    @Test
    void addsNothingBeforeTheInterval() {
        ServedSmear smear = publishedAtNoon(INSERTION);

        assertThat(servedBeforeTheStep(smear, nanos("2016-12-30T23:59:59Z"))).isZero();
        assertThat(servedBeforeTheStep(smear, nanos("2016-12-31T00:00:00Z"))).isZero();
    }

    @Test
    void servesHalfASecondBackInTheMiddleOfAnInsertion() {
        assertThat(servedBeforeTheStep(publishedAtNoon(INSERTION), NOON_NANOS)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void servesHalfASecondAheadInTheMiddleOfADeletion() {
        // a deletion's smear ends a second earlier, where the clock skips 23:59:59
        long middle = DELETION.clockStepNanos() - 43_200 * SECOND;

        assertThat(servedBeforeTheStep(publishedAtNoon(DELETION), middle)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void servesAWholeSecondBackAtTheEndOfAnInsertion() {
        ServedSmear smear = publishedAtNoon(INSERTION);

        assertThat(servedBeforeTheStep(smear, LAST_LEAP_NANOS - 1)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void servesAWholeSecondAheadAtTheEndOfADeletion() {
        ServedSmear smear = publishedAtNoon(DELETION);

        assertThat(servedBeforeTheStep(smear, DELETION.clockStepNanos() - 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void endsWhenTheKernelReplaysTheLastSecondSoServedTimeRunsOn() {
        ServedSmear smear = publishedAtNoon(INSERTION);
        long beforeStep = LAST_LEAP_NANOS - 1;
        long afterStep = LAST_LEAP_NANOS - SECOND;

        double offsetAfter = smear.offsetSeconds(afterStep, monotonicAfterTheStep(afterStep, INSERTION));
        long servedBefore = beforeStep + Math.round(servedBeforeTheStep(smear, beforeStep) * 1e9);
        long servedAfter = afterStep + Math.round(offsetAfter * 1e9);

        assertThat(offsetAfter).isZero();
        assertThat(servedAfter - servedBefore).isBetween(0L, 1_000L);
    }

    @Test
    void endsWhenTheKernelSkipsTheLastSecondOfADeletion() {
        ServedSmear smear = publishedAtNoon(DELETION);
        long beforeStep = DELETION.clockStepNanos() - 1;
        long afterStep = LAST_LEAP_NANOS;

        double offsetAfter = smear.offsetSeconds(afterStep, monotonicAfterTheStep(afterStep, DELETION));
        long servedBefore = beforeStep + Math.round(servedBeforeTheStep(smear, beforeStep) * 1e9);

        assertThat(offsetAfter).isZero();
        assertThat(afterStep - servedBefore).isBetween(0L, 1_000L);
    }

    @Test
    void keepsSmearingAReadingTakenBeforeTheStepButHandledJustAfterIt() {
        ServedSmear smear = publishedAtNoon(INSERTION);
        long beforeStep = LAST_LEAP_NANOS - SECOND / 10;
        long handledMonotonic = monotonicBeforeTheStep(beforeStep) + SECOND / 5;

        assertThat(smear.offsetSeconds(beforeStep, handledMonotonic)).isCloseTo(-1.0, within(1e-6));
    }

    @Test
    void holdsTheWholeSecondWhileTheClockHasNotTakenTheLeap() {
        ServedSmear smear = publishedAtNoon(INSERTION);

        assertThat(servedBeforeTheStep(smear, LAST_LEAP_NANOS + 5 * SECOND)).isEqualTo(-1.0);
    }

    @Test
    void keepsTheDifferenceMeasuredBeforeTheLastSecond() {
        ServedSmear smear = publishedAtNoon(INSERTION);
        long replayed = LAST_LEAP_NANOS - SECOND / 2;

        assertThat(smear.refreshedAt(replayed, monotonicAfterTheStep(replayed, INSERTION))).isSameAs(smear);
    }

    @Test
    void takesTheDifferenceAgainEarlierSoADriftingClockStaysRecognised() {
        ServedSmear smear = publishedAtNoon(INSERTION);
        long evening = nanos("2016-12-31T18:00:00Z");

        ServedSmear refreshed = smear.refreshedAt(evening, monotonicBeforeTheStep(evening) - 300_000_000);

        assertThat(refreshed.clockMinusMonotonicNanos()).isEqualTo(CLOCK_AHEAD_NANOS + 300_000_000);
    }
}
