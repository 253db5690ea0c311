package org.jntp.bench;

import java.util.concurrent.TimeUnit;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The clock reads the server loop makes per request and per batch: the kernel clock
 * ({@code clock_gettime} through FFM), a software clock over it, slewing and off in frequency so
 * that every term of its correction is computed, and the JDK's monotonic clock. Reads only:
 * nothing here adjusts the kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ClockReadBenchmark {
    private KernelClock kernel;
    private SoftwareClock software;
    private long systemNanos;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = KernelClock.open();
        software = new SoftwareClock.Spec(0.25, 50).over(kernel);
        software.setFrequency(-42.5);
        // at 500 µs/s the slew lasts 800 s, longer than any run
        software.slew(0.4);
        systemNanos = kernel.nowNanos();
    }

    /** The monotonic read the server loop makes once per batch, for rate limiting; the JDK's own vDSO call. */
    @Benchmark
    public long systemNanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public long kernelNowNanos() {
        return kernel.nowNanos();
    }

    @Benchmark
    public long softwareNowNanos() {
        return software.nowNanos();
    }

    /** Puts a kernel receive timestamp on the software clock's timescale, as the server loop does per request. */
    @Benchmark
    public long softwareFromSystemNanos() {
        return software.fromSystemNanos(systemNanos++);
    }
}
