package org.jntp.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigError;
import org.jntp.config.ConfigFiles;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.config.SystemFlag;
import org.jntp.daemon.ClientOptions;
import org.jntp.daemon.ColdPages;
import org.jntp.daemon.Daemon;
import org.jntp.daemon.DaemonExit;
import org.jntp.daemon.EventLog;
import org.jntp.daemon.PidFile;
import org.jntp.daemon.Preopened;
import org.jntp.daemon.ProcessName;
import org.jntp.daemon.privilege.Capability;
import org.jntp.daemon.privilege.Identity;
import org.jntp.daemon.privilege.LinuxPrivileges;
import org.jntp.daemon.privilege.PrivilegeDrop;
import org.jntp.daemon.privilege.RunAs;
import org.jntp.daemon.service.ServiceNotifier;
import org.jntp.daemon.service.ServiceState;

/**
 * {@code ntpd}: reads ntp.conf, keeps and serves time until SIGTERM or SIGINT, and exits cleanly;
 * with {@code -q}, exits once it has set the clock.
 */
public final class Ntpd {
    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;
    /**
     * When the start's work is over (sockets bound, the sources' iburst volleys answered), so that
     * the file pages only it needed can go: see {@link ColdPages}.
     */
    private static final Duration START_SETTLED = Duration.ofSeconds(10);
    private static final Duration A_DAY = Duration.ofDays(1);

    private Ntpd() {}

    public static void main(String[] args) {
        ProcessName.set("ntpd");
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        NtpdOptions options;
        switch (NtpdOptions.parse(args)) {
            case NtpdOptions.Parse.Ok ok -> options = ok.options();
            case NtpdOptions.Parse.Version v -> {
                System.out.println("ntpd jntp-" + version());
                return EXIT_OK;
            }
            case NtpdOptions.Parse.Error error -> {
                System.err.println("ntpd: " + error.message().strip());
                return EXIT_USAGE;
            }
        }
        if (options.checkOnly()) {
            return check(options.configFile());
        }
        EventLog log = EventLog.toStandardError(options.debugLevel());
        try {
            return serve(args, options, log);
        } catch (RuntimeException e) {
            // A bug, not a user error: say so in one line, with the trace only when debugging.
            log.info("internal error: " + e);
            if (options.debugLevel() > 0) {
                e.printStackTrace();
            }
            return EXIT_FAILURE;
        }
    }

    /**
     * {@code --check}: the configuration read as the daemon reads it, each problem on standard
     * error, and the verdict in the exit status; nothing is started and no clock is touched.
     */
    private static int check(Path configFile) {
        ConfigResult result = ConfigFiles.read(configFile);
        result.warnings().forEach(warning -> System.err.println(warning));
        result.errors().forEach(error -> System.err.println(error));
        if (!result.errors().isEmpty()) {
            System.err.println("ntpd: " + result.errors().size() + " configuration error(s) in " + configFile);
            return EXIT_FAILURE;
        }
        System.out.println(configFile + ": configuration OK");
        return EXIT_OK;
    }

    private static int serve(List<String> args, NtpdOptions options, EventLog log) {
        log.info("ntpd jntp-" + version() + ": Starting");
        log.info("Command line: ntpd " + String.join(" ", args));
        log.info(configLine(options.configFile()));
        ConfigResult result = ConfigFiles.read(options.configFile());
        if (!result.errors().isEmpty()) {
            for (ConfigError error : result.errors()) {
                log.info(error.toString());
            }
            log.info("ntpd: " + result.errors().size() + " configuration error(s) in " + options.configFile()
                    + "; not starting");
            return EXIT_FAILURE;
        }
        for (ConfigError warning : result.warnings()) {
            log.info(warning.toString());
        }
        // An unknown -u user stops ntpd before it opens anything.
        Optional<Identity> runAs = Optional.empty();
        if (options.user().isPresent()) {
            switch (resolve(options.user().get())) {
                case RunAs.Resolution.Found found -> runAs = Optional.of(found.identity());
                case RunAs.Resolution.NotFound notFound -> {
                    log.info(notFound.message() + "; not starting");
                    return EXIT_FAILURE;
                }
            }
        }
        // As in ntpd, -k wins over the keys line, and -l and -p over the logfile and pidfile lines of ntp.conf.
        NtpConfig config = options.keysFile()
                .map(keys -> result.config().withAuth(result.config().auth().withKeysFile(keys.toString())))
                .orElse(result.config());
        Optional<Path> logFile = options.logFile().or(() -> config.files().logFile().map(Path::of));
        if (logFile.isPresent()) {
            try {
                log = fileLog(logFile.get(), options.debugLevel());
            } catch (IOException e) {
                log.info("cannot open logfile " + logFile.get() + ": " + e.getMessage());
                return EXIT_FAILURE;
            }
            log.info("ntpd jntp-" + version() + ": Starting");
            log.info(configLine(options.configFile()));
        }
        log.useMask(config.logMask());
        Optional<Path> pidFile = options.pidFile().or(() -> config.files().pidFile().map(Path::of));
        ServiceNotifier notifier = ServiceNotifier.fromEnvironment(log);
        Termination termination = Termination.onSignals();
        Thread.setDefaultUncaughtExceptionHandler(new ThreadFailures(log, termination::daemonStopped));
        Preopened preopened;
        try {
            preopened = Preopened.open(config, options.port(), log);
        } catch (IOException e) {
            log.info(e.getMessage());
            return EXIT_FAILURE;
        }
        // written as the starting user, as ntpd does: /run is root's
        Optional<PidFile> pid;
        try {
            pid = pidFile.isPresent() ? Optional.of(PidFile.write(pidFile.get(), ProcessHandle.current().pid()))
                    : Optional.empty();
        } catch (IOException e) {
            log.info("cannot write pid file " + pidFile.get() + ": " + e.getMessage());
            preopened.close();
            return EXIT_FAILURE;
        }
        try {
            if (runAs.isPresent() && !dropPrivileges(runAs.get(), log)) {
                preopened.close();
                return EXIT_FAILURE;
            }
            return run(config, options, preopened, notifier, termination, logFile, log);
        } finally {
            if (pid.isPresent()) {
                remove(pid.get(), log);
            }
        }
    }

    /**
     * Serves until a signal or the daemon itself ends it. The clock opens here, after any drop of
     * privileges: its slew timer thread must hold the capabilities the drop kept.
     */
    private static int run(NtpConfig config, NtpdOptions options, Preopened preopened, ServiceNotifier notifier,
            Termination termination, Optional<Path> logFile, EventLog log) {
        // closed last: a slew the daemon left running must not keep the kernel off its frequency
        try (KernelClock kernel = KernelClock.open();
             Daemon daemon = Daemon.start(config, clock(options, config, log, kernel), preopened,
                     clientOptions(options, config), log)) {
            daemon.exit().thenAccept(termination::daemonStopped);
            HangUp.onSignal(() -> hangUp(logFile, log, daemon));
            notifier.notify(ServiceState.READY);
            Optional<Termination.Reason> ended = termination.await(START_SETTLED);
            if (ended.isEmpty()) {
                ColdPages.pageOut(log);
            }
            while (ended.isEmpty()) {
                // the same wait as before the page-out, whose code is linked: a first call of
                // anything reads pages of the JVM back in
                ended = termination.await(A_DAY);
            }
            Termination.Reason reason = ended.get();
            notifier.notify(ServiceState.STOPPING);
            return switch (reason) {
                case Termination.Reason.Signalled signalled -> {
                    log.info("ntpd exiting on " + signalled.description());
                    yield EXIT_OK;
                }
                case Termination.Reason.Stopped stopped -> stopped(stopped.exit(), log);
            };
        } catch (IOException e) {
            log.info(e.getMessage());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        }
    }

    /**
     * SIGHUP, as NTPsec's ntpd takes it: the log file reopened, so that logrotate can move it
     * away, and every host name looked up again.
     */
    private static void hangUp(Optional<Path> logFile, EventLog log, Daemon daemon) {
        log.info("Saw SIGHUP");
        if (logFile.isPresent()) {
            try {
                log.writeTo(logStream(logFile.get())).close();
                log.info("logfile " + logFile.get() + " reopened");
            } catch (IOException e) {
                log.info("cannot reopen logfile " + logFile.get() + ": " + e.getMessage()
                        + "; writing on to the old one");
            }
        }
        daemon.lookUpNamesAgain();
    }

    /** {@code -u}: the user and group that exist, or the reason to refuse to start. */
    private static RunAs.Resolution resolve(String spec) {
        return switch (RunAs.parse(spec)) {
            case RunAs.Parse.Ok ok -> ok.runAs().resolve(new LinuxPrivileges());
            case RunAs.Parse.Error error -> new RunAs.Resolution.NotFound(error.message());
        };
    }

    /** Becomes the {@code -u} identity, saying in the log what it kept; false when the process must stop. */
    private static boolean dropPrivileges(Identity identity, EventLog log) {
        return switch (PrivilegeDrop.drop(identity, new LinuxPrivileges())) {
            case PrivilegeDrop.Outcome.Dropped dropped -> {
                log.info("running as user " + dropped.identity() + " with " + (dropped.kept().isEmpty()
                        ? "no capabilities" : dropped.kept().stream().map(Enum::name).sorted()
                                .collect(Collectors.joining(", "))));
                if (dropped.unavailable().contains(Capability.CAP_SYS_TIME)) {
                    log.info("ntpd does not hold CAP_SYS_TIME (not in its capability bounding set?): the clock"
                            + " cannot be steered");
                }
                if (dropped.unavailable().contains(Capability.CAP_NET_BIND_SERVICE)) {
                    log.info("ntpd does not hold CAP_NET_BIND_SERVICE (not in its capability bounding set?): no"
                            + " port below 1024 can be bound from now on");
                }
                yield true;
            }
            case PrivilegeDrop.Outcome.Failed failed -> {
                log.info(failed.message() + "; not starting");
                yield false;
            }
        };
    }

    private static void remove(PidFile pid, EventLog log) {
        try {
            pid.close();
        } catch (IOException e) {
            // after -u the pid file's directory is usually root's; ntpd leaves its pid file behind as well
            log.info("cannot remove the pid file: " + e);
        }
    }

    /** Says why the daemon stopped by itself, in ntpd's words where it has them, and gives the exit status. */
    private static int stopped(DaemonExit exit, EventLog log) {
        switch (exit) {
            case DaemonExit.ClockSet set -> {
                // As ntpd -q: logged, and printed for whoever ran it by hand.
                log.info(set.logLine());
                System.out.println(set.printedLine());
            }
            case DaemonExit.NoServersFound none -> {
                log.info("ntpd: no servers found");
                System.out.println("ntpd: no servers found");
            }
            case DaemonExit.Panic panic -> log.info("ntpd exiting: the offset is beyond the panic threshold;"
                    + " set the clock by hand, or restart with -g to allow one large correction");
            case DaemonExit.CannotSetClock refused -> log.info("ntpd -q: cannot set the clock: " + refused.reason());
            case DaemonExit.Failed failed -> log.info("ntpd exiting: " + failed.reason());
        }
        return exit.status();
    }

    /** The command line's and the configuration's say on keeping time: -g, -x, -q, -4/-6, -f or driftfile. */
    static ClientOptions clientOptions(NtpdOptions options, NtpConfig config) {
        Optional<Path> drift = options.driftFile().or(() -> config.files().driftFile().map(Path::of));
        return new ClientOptions(options.allowBigStep(), options.slewOnly(), options.setAndQuit(), drift,
                options.family(), ClientOptions.NTP_PORT);
    }

    private static Clock clock(NtpdOptions options, NtpConfig config, EventLog log, KernelClock kernel) {
        if (options.softwareClock().isPresent()) {
            SoftwareClock.Spec spec = options.softwareClock().get();
            log.info("serving a software clock " + spec.offsetSeconds() + " s, " + spec.freqErrorPpm()
                    + " ppm off the system clock; the system clock is not touched");
            return spec.over(kernel);
        }
        if (!config.isEnabled(SystemFlag.NTP)) {
            log.info("disable ntp: the system clock is not touched");
            return new SoftwareClock.Spec(0, 0).over(kernel);
        }
        return kernel;
    }

    private static EventLog fileLog(Path path, int debugLevel) throws IOException {
        return new EventLog(logStream(path), System::currentTimeMillis, ZoneId.systemDefault(),
                ProcessHandle.current().pid(), debugLevel);
    }

    private static PrintStream logStream(Path path) throws IOException {
        return new PrintStream(new FileOutputStream(path.toFile(), true), true, StandardCharsets.UTF_8);
    }

    private static String configLine(Path configFile) {
        return "reading configuration file " + configFile;
    }

    private static String version() {
        String version = Ntpd.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
