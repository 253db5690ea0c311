package org.jntp.kernel.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon a scenario disciplines the guest's kernel clock with: jntp's {@code ntpd}, or Debian's
 * chronyd 4.3 beside it for comparison (staged into the guest by {@code scripts/kernel/chrony-layer.sh}).
 * Both get the scenario's server lines and otherwise their defaults, and run at nice 0 below the
 * scenario's servers and probe (nice -10).
 */
enum ScenarioDaemon {
    JNTP("jntp"),
    /**
     * Controls the clock (no {@code -x}); no {@code makestep}, chrony's default, so it never steps:
     * like ntpd below its 128 ms step threshold, it slews a start offset away (at up to 83 ms/s).
     */
    CHRONYD("chronyd");

    private static final Path DIRECTORY = Path.of("/tmp/jntp-scenario");
    /** jntp serves on another port: the scenario's servers hold 123 on their addresses. */
    private static final int JNTP_PORT = 12300;
    /** The daemon's JVM flags, its AOT cache among them, as scripts/kernel/assemble.sh made them. */
    private static final Path JNTP_FLAGS = Path.of("/jntp/daemon.flags");
    private static final Path CHRONY_HOME = Path.of("/chrony");

    private final String daemonName;

    ScenarioDaemon(String daemonName) {
        this.daemonName = daemonName;
    }

    /** The name on the command line and in the summary line. */
    String daemonName() {
        return daemonName;
    }

    /** The daemon of that name. */
    static Optional<ScenarioDaemon> named(String name) {
        for (ScenarioDaemon daemon : values()) {
            if (daemon.daemonName.equals(name)) {
                return Optional.of(daemon);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes its configuration (the server lines, then {@code confLines}) and starts it in the
     * foreground on the kernel clock, its output on the scenario's.
     */
    Process start(List<String> serverLines, List<String> confLines, List<String> flags) throws IOException {
        Files.createDirectories(DIRECTORY);
        List<String> conf = new ArrayList<>(serverLines);
        List<String> command = new ArrayList<>(List.of("sh", "-c", "renice 0 -p $$ >/dev/null && exec \"$@\"",
                daemonName));
        ProcessBuilder builder = new ProcessBuilder();
        switch (this) {
            case JNTP -> {
                Path config = DIRECTORY.resolve("ntp.conf");
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(Files.readAllLines(JNTP_FLAGS));
                command.addAll(List.of("--enable-native-access=ALL-UNNAMED",
                        "-cp", "/jntp/jntp.jar", "org.jntp.cli.Ntpd", "-n", "-c", config.toString(),
                        "--port", String.valueOf(JNTP_PORT)));
                conf.addAll(confLines);
                Files.write(config, conf);
            }
            case CHRONYD -> {
                Path config = DIRECTORY.resolve("chrony.conf");
                // what it needs to run in the guest: a drift file, no command port, the pid file beside them
                conf.addAll(List.of("driftfile " + DIRECTORY.resolve("chrony.drift"), "cmdport 0",
                        "pidfile " + DIRECTORY.resolve("chronyd.pid")));
                conf.addAll(confLines);
                Files.write(config, conf);
                // -u root: the guest has no _chrony user to drop to
                command.addAll(List.of(CHRONY_HOME.resolve("sbin/chronyd").toString(), "-d", "-u", "root",
                        "-f", config.toString()));
                builder.environment().put("LD_LIBRARY_PATH", CHRONY_HOME.resolve("lib").toString());
            }
        }
        command.addAll(flags);
        System.out.println("scenario: $ " + String.join(" ", command));
        return builder.command(command).inheritIO().start();
    }
}
