package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftFileTest {

    @TempDir
    Path directory;

    @Test
    void readsTheFrequencyNtpdWrote() throws IOException {
        Path file = directory.resolve("ntp.drift");
        Files.writeString(file, "-12.345\n");

        assertThat(DriftFile.read(file)).isEqualTo(new DriftFile.Reading.Frequency(-12.345));
    }

    @Test
    void reportsAMissingFileAsTheFirstStart() {
        assertThat(DriftFile.read(directory.resolve("absent"))).isEqualTo(new DriftFile.Reading.Missing());
    }

    @Test
    void refusesTextThatIsNotANumber() throws IOException {
        Path file = directory.resolve("ntp.drift");
        Files.writeString(file, "twelve\n");

        assertThat(DriftFile.read(file)).isInstanceOfSatisfying(DriftFile.Reading.Unusable.class,
                unusable -> assertThat(unusable.reason()).contains("format error").contains("twelve"));
    }

    @Test
    void refusesAFrequencyBeyondTheKernelLimit() throws IOException {
        Path file = directory.resolve("ntp.drift");
        Files.writeString(file, "700.000\n");

        assertThat(DriftFile.read(file)).isInstanceOfSatisfying(DriftFile.Reading.Unusable.class,
                unusable -> assertThat(unusable.reason()).contains("exceeds tolerance 500 PPM"));
    }

    @Test
    void writesThreeDecimalsAsNtpdDoes() throws IOException {
        Path file = directory.resolve("ntp.drift");
        DriftFile.write(file, 7.12345);

        assertThat(Files.readString(file)).isEqualTo("7.123\n");
    }

    @Test
    void replacesTheOldFileAndLeavesNoTemporaryBehind() throws IOException {
        Path file = directory.resolve("ntp.drift");
        DriftFile.write(file, 1);
        DriftFile.write(file, 2);

        assertThat(DriftFile.read(file)).isEqualTo(new DriftFile.Reading.Frequency(2));
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);
        }
    }
}
