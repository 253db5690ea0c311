package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jntp.clock.Clock;

/**
 * The drift file ({@code driftfile}, {@code -f}) in ntpd's format: one line holding the clock's
 * frequency correction in ppm, so that a restart begins with the frequency already right.
 * Written to a temporary file beside it and renamed over it, as ntpd does, so that a crash or a
 * full disk never leaves a truncated file behind.
 */
public final class DriftFile {

    /** What reading the drift file found. */
    public sealed interface Reading {
        /** No file yet: the first start. */
        record Missing() implements Reading {}

        /** The frequency correction, ppm. */
        record Frequency(double ppm) implements Reading {}

        /** A file that could not be used, with why, in words for the log. */
        record Unusable(String reason) implements Reading {}
    }

    private DriftFile() {}

    /** Reads the frequency from {@code path}; never throws. */
    public static Reading read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return new Reading.Missing();
        } catch (IOException | RuntimeException e) {
            return new Reading.Unusable("cannot read " + path + ": " + e.getMessage());
        }
        String first = text.strip().split("\\s+", 2)[0];
        double ppm;
        try {
            ppm = Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return new Reading.Unusable("frequency format error in " + path + ": \"" + first + "\" is not a number");
        }
        if (!Double.isFinite(ppm) || Math.abs(ppm) > Clock.MAX_FREQUENCY_PPM) {
            return new Reading.Unusable(String.format(Locale.ROOT,
                    "frequency %s PPM in %s exceeds tolerance %.0f PPM", first, path, Clock.MAX_FREQUENCY_PPM));
        }
        return new Reading.Frequency(ppm);
    }

    /** Writes {@code ppm} to {@code path} atomically, as ntpd formats it. */
    public static void write(Path path, double ppm) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".TEMP");
        Files.writeString(temporary, String.format(Locale.ROOT, "%.3f%n", ppm), StandardCharsets.US_ASCII);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
