package org.jntp.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jntp.clock.Timex;

/** What the kernel test-bed tests share on the host: whether a guest can run, how to run one, the host's clock read. */
final class TestBed {
    static final Path HOME = Path.of(System.getProperty("jntp.home", "."));
    static final Path RUN_GUEST = HOME.resolve("scripts/kernel/run-guest");
    /** The guest programs' package, copied into the guest as compiled classes. */
    static final String GUEST_PACKAGE = "org/jntp/kernel/guest";
    /** A cold assembly links the runtime first (jlink). */
    private static final Duration ASSEMBLE_TIMEOUT = Duration.ofSeconds(180);
    /** What the command around run-guest gets beyond the guest's own bound. */
    private static final Duration RUN_GUEST_MARGIN = Duration.ofSeconds(10);

    private TestBed() {}

    /**
     * Runs {@code mainClass} of the guest package in a guest, through {@code testbed-guard}, with the
     * jar and the guest classes on its class path, and returns the guest's serial console.
     *
     * @param priority the program's nice value in the guest
     */
    static BoundedCommand.Outcome runInGuest(int guestTimeoutSeconds, boolean warp, int priority, String mainClass,
            List<String> args) {
        return runInGuest(guestTimeoutSeconds, warp, List.of(), priority, mainClass, args);
    }

    /**
     * As {@link #runInGuest(int, boolean, int, String, List)}, with more of run-guest's options
     * ({@code --rtc-base DATE}, {@code --add HOSTDIR:GUESTDIR}).
     */
    static BoundedCommand.Outcome runInGuest(int guestTimeoutSeconds, boolean warp, List<String> runGuestOptions,
            int priority, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(RUN_GUEST.toString(),
                "--timeout", String.valueOf(guestTimeoutSeconds)));
        if (warp) {
            command.add("--warp");
        }
        command.addAll(runGuestOptions);
        command.addAll(List.of(
                "--add", HOME.resolve("target/test-classes/" + GUEST_PACKAGE) + ":/jntp/classes/" + GUEST_PACKAGE,
                "--", "sh", "-c", "renice " + priority + " -p $$ >/dev/null && exec \"$@\"", "scenario",
                "testbed-guard", "java", "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/jntp/jntp.jar:/jntp/classes", mainClass));
        command.addAll(args);
        BoundedCommand.Outcome outcome = BoundedCommand.run(
                Duration.ofSeconds(guestTimeoutSeconds).plus(RUN_GUEST_MARGIN), Map.of(), command);
        System.out.print(outcome.output());
        return outcome;
    }

    /** Why no guest can run here, if none can; prints a loud banner then. */
    static Optional<String> whyNoGuest() {
        Optional<String> why = reasonNoGuest();
        why.ifPresent(reason -> {
            String banner = "*".repeat(78);
            System.err.printf("%n%s%nKERNEL TEST BED SKIPPED: %s%n%s%n", banner, reason, banner);
        });
        return why;
    }

    private static Optional<String> reasonNoGuest() {
        if (!onPath("qemu-system-x86_64")) {
            return Optional.of("qemu-system-x86_64 is not installed (scripts/kernel/fetch.sh installs it as root)");
        }
        BoundedCommand.Outcome assembled = BoundedCommand.run(ASSEMBLE_TIMEOUT, Map.of(),
                List.of(HOME.resolve("scripts/kernel/assemble.sh").toString()));
        if (assembled.exitCode() != 0) {
            return Optional.of("the guest could not be assembled (Debian's kernel or busybox not downloadable?):\n"
                    + assembled.describe());
        }
        return Optional.empty();
    }

    /** The kernel discipline's state: what a write to the host's clock would have changed. */
    static String discipline(Timex timex) {
        return "freq=%d status=0x%x offset=%d constant=%d tick=%d".formatted(
                timex.freq(), timex.status(), timex.offset(), timex.constant(), timex.tick());
    }

    /** The host's system clock against its monotonic clock: a step of the system clock moves it. */
    static long realtimeMinusMonotonicNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
