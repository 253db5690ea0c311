package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.jntp.discipline.ClockSetting.Kind;
import org.junit.jupiter.api.Test;

/** When ntpd -q and ntpdate step the clock rather than slew it. */
class StepRuleTest {
    private static final StepRule NTPD = StepRule.ntpd(DisciplineSettings.defaults(500));
    private static final StepRule NTPDATE = StepRule.ntpdate(false, false);

    private static Kind kind(StepRule rule, double offsetSeconds) {
        return rule.setting(offsetSeconds).kind();
    }

    @Test
    void ntpdStepsAnOffsetBeyondItsStepThresholdEitherWay() {
        assertThat(kind(NTPD, 0.1281)).isEqualTo(Kind.STEP);
        assertThat(kind(NTPD, -0.1281)).isEqualTo(Kind.STEP);
    }

    @Test
    void ntpdSlewsAnOffsetOfExactlyItsStepThreshold() {
        assertThat(kind(NTPD, 0.128)).isEqualTo(Kind.SLEW);
        assertThat(kind(NTPD, -0.128)).isEqualTo(Kind.SLEW);
    }

    @Test
    void ntpdSlewsUpToSixHundredSecondsWithMinusX() {
        DisciplineSettings slewOnly = new DisciplineSettings(DisciplineSettings.SLEW_ONLY_THRESHOLD_SECONDS,
                DisciplineSettings.STEPOUT_SECONDS, DisciplineSettings.PANIC_THRESHOLD_SECONDS, false, 500, 0, false);
        StepRule rule = StepRule.ntpd(slewOnly);

        assertThat(kind(rule, -5)).isEqualTo(Kind.SLEW);
        assertThat(kind(rule, 600)).isEqualTo(Kind.SLEW);
        assertThat(kind(rule, 600.001)).isEqualTo(Kind.STEP);
    }

    @Test
    void ntpdNeverStepsWhenTinkerStepZeroMadeTheThresholdInfinite() {
        StepRule rule = new StepRule(Double.POSITIVE_INFINITY, false);

        assertThat(kind(rule, 1e6)).isEqualTo(Kind.SLEW);
    }

    @Test
    void ntpdateStepsFromHalfASecondOnAndSlewsBelow() {
        assertThat(kind(NTPDATE, 0.5)).isEqualTo(Kind.STEP);
        assertThat(kind(NTPDATE, -0.5)).isEqualTo(Kind.STEP);
        assertThat(kind(NTPDATE, 0.4999)).isEqualTo(Kind.SLEW);
        assertThat(kind(NTPDATE, -0.4999)).isEqualTo(Kind.SLEW);
    }

    @Test
    void ntpdateWithMinusBStepsEvenTheSmallestOffset() {
        StepRule rule = StepRule.ntpdate(true, false);

        assertThat(kind(rule, 0)).isEqualTo(Kind.STEP);
        assertThat(kind(rule, -0.000001)).isEqualTo(Kind.STEP);
    }

    @Test
    void ntpdateWithCapitalBSlewsEvenALargeOffset() {
        StepRule rule = StepRule.ntpdate(false, true);

        assertThat(kind(rule, 3600)).isEqualTo(Kind.SLEW);
    }

    @Test
    void carriesTheWholeOffsetAndStepsEveryOffsetLargerThanOneItSteps() {
        Random random = new Random(5);
        for (int i = 0; i < 1000; i++) {
            StepRule rule = random.nextBoolean() ? NTPD : NTPDATE;
            double smaller = (random.nextDouble() - 0.5) * 2;
            double larger = Math.copySign(Math.abs(smaller) + random.nextDouble(), random.nextDouble() - 0.5);

            ClockSetting setting = rule.setting(smaller);

            assertThat(setting.offsetSeconds()).isEqualTo(smaller);
            assertThat(rule.setting(-smaller).kind()).isEqualTo(setting.kind());
            if (setting.stepped()) {
                assertThat(rule.setting(larger).stepped()).as("%s steps %s but not %s", rule, smaller, larger).isTrue();
            }
        }
    }

    @Test
    void refusesANegativeOrUndefinedThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StepRule(-1, true));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StepRule(Double.NaN, true));
    }
}
