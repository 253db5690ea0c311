package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.discipline.DisciplineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftKeeperTest {
    private static final long HOUR = DriftKeeper.WRITE_INTERVAL_NANOS;
    /** ntpd's default {@code nonvolatile} 1e-7, in PPM. */
    private static final double THRESHOLD_PPM = 0.1;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0);
    private final DisciplineSettings defaults = DisciplineSettings.defaults(500);

    private String logged() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsTheDisciplineAndTheClockFromTheFilesFrequency() throws Exception {
        Path file = dir.resolve("ntp.drift");
        Files.writeString(file, "-7.250\n");
        SoftwareClock clock = new SoftwareClock.Spec(0, 0).over(KernelClock.open());

        DisciplineSettings settings = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM)
                .restore(defaults, clock);

        assertThat(settings.initialFrequencyPpm()).isEqualTo(-7.25);
        assertThat(settings.frequencyKnown()).isTrue();
        assertThat(clock.frequencyPpm()).isEqualTo(-7.25);
        assertThat(logged()).contains("initial drift restored to -7.250 PPM");
    }

    @Test
    void startsColdFromAnUnusableFileAndSaysWhy() throws Exception {
        Path file = dir.resolve("ntp.drift");
        Files.writeString(file, "garbage\n");

        DisciplineSettings settings = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM)
                .restore(defaults, new SoftwareClock.Spec(0, 0).over(KernelClock.open()));

        assertThat(settings).isEqualTo(defaults);
        assertThat(logged()).contains("\"garbage\" is not a number").contains("from scratch");
    }

    @Test
    void writesOnceAnHourAfterStart() throws Exception {
        Path file = dir.resolve("ntp.drift");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 5, THRESHOLD_PPM);

        keeper.writeIfDue(5 + HOUR - 1, OptionalDouble.of(3.5));
        boolean early = Files.exists(file);
        keeper.writeIfDue(5 + HOUR, OptionalDouble.of(3.5));

        assertThat(early).isFalse();
        assertThat(Files.readString(file)).isEqualTo("3.500\n");
        assertThat(keeper.nextWriteMonoNanos()).isEqualTo(5 + 2 * HOUR);
    }

    @Test
    void skipsTheHourlyWriteWhileTheFrequencyStaysWithinTheThreshold() throws Exception {
        Path file = dir.resolve("ntp.drift");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM);

        keeper.writeIfDue(HOUR, OptionalDouble.of(3.5));
        keeper.writeIfDue(2 * HOUR, OptionalDouble.of(3.55));

        assertThat(Files.readString(file)).isEqualTo("3.500\n");
    }

    @Test
    void halvesTheThresholdEachSkippedHourSoASlowDriftStillGetsWritten() throws Exception {
        Path file = dir.resolve("ntp.drift");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM);

        keeper.writeIfDue(HOUR, OptionalDouble.of(3.5));
        keeper.writeIfDue(2 * HOUR, OptionalDouble.of(3.54));
        keeper.writeIfDue(3 * HOUR, OptionalDouble.of(3.54));
        boolean writtenAfterOneHalving = Files.readString(file).equals("3.540\n");
        keeper.writeIfDue(4 * HOUR, OptionalDouble.of(3.54));

        assertThat(writtenAfterOneHalving).isFalse();
        assertThat(Files.readString(file)).isEqualTo("3.540\n");
    }

    @Test
    void writesAChangeBeyondTheThresholdAtTheNextHour() throws Exception {
        Path file = dir.resolve("ntp.drift");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM);

        keeper.writeIfDue(HOUR, OptionalDouble.of(3.5));
        keeper.writeIfDue(2 * HOUR, OptionalDouble.of(3.7));

        assertThat(Files.readString(file)).isEqualTo("3.700\n");
    }

    @Test
    void leavesTheFileAloneUntilAFrequencyWasLearnt() throws Exception {
        Path file = dir.resolve("ntp.drift");
        Files.writeString(file, "1.000\n");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM);

        keeper.writeIfDue(HOUR, OptionalDouble.empty());
        keeper.writeNow(OptionalDouble.empty());

        assertThat(Files.readString(file)).isEqualTo("1.000\n");
    }

    @Test
    void logsAFailedWriteOnceAndGoesOn() {
        Path file = dir.resolve("missing-directory/ntp.drift");
        DriftKeeper keeper = new DriftKeeper(Optional.of(file), log, 0, THRESHOLD_PPM);

        keeper.writeNow(OptionalDouble.of(1));
        keeper.writeIfDue(HOUR, OptionalDouble.of(2));
        keeper.writeNow(OptionalDouble.of(3));

        assertThat(logged().lines()).singleElement().asString().contains("frequency file " + file)
                .contains("no such file or directory").doesNotContain("Exception");
    }

    @Test
    void schedulesNothingWithoutADriftFile() {
        DriftKeeper keeper = new DriftKeeper(Optional.empty(), log, 0, THRESHOLD_PPM);

        assertThat(keeper.nextWriteMonoNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(keeper.restore(defaults, new SoftwareClock.Spec(0, 0).over(KernelClock.open())))
                .isEqualTo(defaults);
    }
}
