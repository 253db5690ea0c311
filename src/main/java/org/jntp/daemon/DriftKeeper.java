package org.jntp.daemon;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jntp.clock.Clock;
import org.jntp.discipline.DisciplineSettings;

/**
 * The drift file over the daemon's life, as ntpd keeps it: read at start so the clock begins with
 * its frequency correction, written every hour and at exit. A file that cannot be read means a
 * cold start, a write that fails is logged once; neither stops the daemon.
 *
 * <p>As ntpd's {@code write_stats}, the hourly write is skipped while the frequency stays within
 * a residual of the one last written ({@code nonvolatile}, 0.1 PPM by default), and each skipped
 * hour halves that residual: a settled clock does not wear flash storage every hour, and a slow
 * drift still reaches the file within hours.
 */
final class DriftKeeper {
    /** ntpd writes the drift file once an hour. */
    static final long WRITE_INTERVAL_NANOS = 3_600_000_000_000L;

    private final Optional<Path> path;
    private final EventLog log;
    private final double wanderThresholdPpm;
    private long nextWriteMonoNanos;
    private boolean failureLogged;
    private double writtenPpm = Double.NaN;
    private double residualPpm;

    /** @param wanderThresholdPpm {@code nonvolatile}: the change that makes an hourly write worth it */
    DriftKeeper(Optional<Path> path, EventLog log, long startMonoNanos, double wanderThresholdPpm) {
        this.path = path;
        this.log = log;
        this.nextWriteMonoNanos = startMonoNanos + WRITE_INTERVAL_NANOS;
        this.wanderThresholdPpm = wanderThresholdPpm;
    }

    /**
     * Reads the file and sets its frequency on {@code clock}: the discipline {@code settings} then
     * start from it. Without a usable file they are returned unchanged.
     */
    DisciplineSettings restore(DisciplineSettings settings, Clock clock) {
        if (path.isEmpty()) {
            return settings;
        }
        return switch (DriftFile.read(path.get())) {
            case DriftFile.Reading.Frequency frequency -> {
                clock.setFrequency(frequency.ppm());
                writtenPpm = frequency.ppm();
                log.info(String.format(Locale.ROOT, "initial drift restored to %.3f PPM from %s",
                        frequency.ppm(), path.get()));
                yield settings.withDriftFile(frequency.ppm());
            }
            case DriftFile.Reading.Missing missing -> {
                log.info("frequency file " + path.get() + " not found: learning the frequency from scratch");
                yield settings;
            }
            case DriftFile.Reading.Unusable unusable -> {
                log.info(unusable.reason() + ": learning the frequency from scratch");
                yield settings;
            }
        };
    }

    /** When the next hourly write is due; {@link Long#MAX_VALUE} without a drift file. */
    long nextWriteMonoNanos() {
        return path.isEmpty() ? Long.MAX_VALUE : nextWriteMonoNanos;
    }

    /**
     * Writes the frequency if the hour is up and it moved beyond the residual; an empty
     * {@code frequencyPpm} (nothing learnt yet) leaves the file as it is.
     */
    void writeIfDue(long monoNanos, OptionalDouble frequencyPpm) {
        if (path.isEmpty() || monoNanos - nextWriteMonoNanos < 0) {
            return;
        }
        nextWriteMonoNanos += WRITE_INTERVAL_NANOS;
        if (nextWriteMonoNanos - monoNanos <= 0) {
            nextWriteMonoNanos = monoNanos + WRITE_INTERVAL_NANOS;
        }
        if (frequencyPpm.isEmpty()) {
            return;
        }
        if (Math.abs(writtenPpm - frequencyPpm.getAsDouble()) < residualPpm) {
            residualPpm *= 0.5;
            return;
        }
        residualPpm = wanderThresholdPpm;
        write(frequencyPpm.getAsDouble());
    }

    /** Writes the frequency now (at exit), if one was learnt. */
    void writeNow(OptionalDouble frequencyPpm) {
        if (path.isPresent()) {
            frequencyPpm.ifPresent(this::write);
        }
    }

    private static String reason(Exception e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file or directory: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            default -> String.valueOf(e.getMessage());
        };
    }

    private void write(double ppm) {
        writtenPpm = ppm;
        try {
            DriftFile.write(path.orElseThrow(), ppm);
        } catch (IOException | RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                log.info("frequency file " + path.orElseThrow() + ": " + reason(e)
                        + "; the drift file is not updated (logged once)");
            }
        }
    }
}
