package org.jntp.ntpq;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What ntpq works with: its streams, whether it talks to a terminal, the network, name lookups
 * and the clock. Tests give fakes.
 *
 * @param in commands for the interactive mode
 * @param out standard output
 * @param err standard error
 * @param terminal whether standard input and error are a terminal (ntpq then prompts by itself)
 * @param transports opens a conversation with a server
 * @param resolver names to addresses
 * @param hostNames addresses to names
 * @param clock the current time
 * @param zone the time zone of printed dates, asked for only when one is printed
 */
public record NtpqEnvironment(BufferedReader in, PrintStream out, PrintStream err, boolean terminal,
        ControlTransport.Factory transports, Resolver resolver, HostNames hostNames, Supplier<Instant> clock,
        Supplier<ZoneId> zone) {
    /** Requires every part. */
    public NtpqEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(hostNames, "hostNames");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
    }

    /** Looks host names up. */
    @FunctionalInterface
    public interface Resolver {
        /** The addresses of a name. */
        List<InetAddress> resolve(String name) throws UnknownHostException;

        /** The system resolver. */
        static Resolver system() {
            return name -> List.of(InetAddress.getAllByName(name));
        }
    }
}
