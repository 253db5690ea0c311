package org.jntp.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.jntp.sim.ClientFactory;
import org.jntp.sim.CoreClient;
import org.jntp.sim.Report;
import org.jntp.sim.SimOptions;
import org.jntp.sim.Simulator;
import org.jntp.sim.Summary;

/**
 * {@code ntpsim}: runs a scenario of SCENARIOS.md over its seeds and prints each seed's metrics,
 * then the summary line.
 */
public final class NtpSim {
    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;

    private NtpSim() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), clientCore(), System.out, System.err));
    }

    /** The client the simulator drives: the one place to plug the daemon's client core in. */
    private static Optional<ClientFactory> clientCore() {
        return Optional.of(CoreClient.factory());
    }

    static int run(List<String> args, Optional<ClientFactory> core, PrintStream out, PrintStream err) {
        SimOptions options;
        switch (SimOptions.parse(args)) {
            case SimOptions.Parse.Ok ok -> options = ok.options();
            case SimOptions.Parse.Help help -> {
                out.print(SimOptions.USAGE);
                return EXIT_OK;
            }
            case SimOptions.Parse.Error error -> {
                err.println("ntpsim: " + error.message());
                return EXIT_USAGE;
            }
        }
        if (core.isEmpty()) {
            err.println("ntpsim: no client core available yet: there is nothing to simulate");
            return EXIT_FAILURE;
        }
        try {
            Summary summary = Simulator.run(options.scenario(), core.get(), seed -> out.println(Report.seedLine(seed)));
            out.println(Report.summaryLine(options.presetName(), summary));
            return EXIT_OK;
        } catch (IllegalStateException e) {
            // a client that fails is a bug in the client: show where
            err.println("ntpsim: " + e.getMessage());
            e.printStackTrace(err);
            return EXIT_FAILURE;
        }
    }
}
