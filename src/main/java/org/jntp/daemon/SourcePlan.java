package org.jntp.daemon;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.RefclockAddress;
import org.jntp.config.ServerAddress;
import org.jntp.refclock.LocalClock;
import org.jntp.server.access.AddressFamily;

/**
 * What the server, pool and peer lines ask of the daemon, sorted by how it is served: numeric
 * addresses polled at once, host names to resolve first, NTS sources polled once NTS-KE gave them
 * keys, the local clock driver (the last resort), and what this version does not use, with a line
 * for the log saying so.
 *
 * @param literals   server, pool and peer lines with a numeric address
 * @param names      server, pool and peer lines with a host name
 * @param nts        server and pool lines with {@code nts}, never polled without its authentication
 * @param localClock the first {@code server 127.127.1.u}, if any
 * @param notices    one log line per line not used, naming it
 */
record SourcePlan(List<Association> literals, List<ResolveSchedule.Name> names, List<Association> nts,
        Optional<LocalClockLine> localClock,
        List<String> notices) {

    /**
     * A {@code server 127.127.1.u} line: the driver's unit, and how often it is read, its
     * {@code minpoll} (log2 s, {@link LocalClock#DEFAULT_POLL_LOG2} without one), as ntpd reads a
     * reference clock at its minpoll.
     */
    record LocalClockLine(RefclockAddress address, int pollLog2) {}

    /** Sorts the association lines; {@code family} is {@code -4} or {@code -6} from the command line. */
    static SourcePlan of(List<Association> associations, Optional<AddressFamily> family) {
        List<Association> literals = new ArrayList<>();
        List<ResolveSchedule.Name> names = new ArrayList<>();
        List<Association> nts = new ArrayList<>();
        Optional<LocalClockLine> local = Optional.empty();
        List<String> notices = new ArrayList<>();
        for (Association association : associations) {
            String line = association.origin().map(origin -> origin + ": ").orElse("")
                    + association.type().keyword() + " " + association.address();
            if (association.options().has(AssociationFlag.NTS)) {
                if (association.address() instanceof ServerAddress.Literal literal && excluded(family, literal)) {
                    notices.add(notUsed(line, family.get()));
                } else {
                    nts.add(association);
                }
                continue;
            }
            switch (association.address()) {
                case RefclockAddress refclock -> {
                    if (local.isEmpty() && refclock.type() == LocalClock.DRIVER_TYPE) {
                        local = Optional.of(new LocalClockLine(refclock,
                                association.options().minPollLog2().orElse(LocalClock.DEFAULT_POLL_LOG2)));
                    } else {
                        notices.add(line + ": not used, only the local clock (127.127.1.u) is supported as a"
                                + " reference clock, and only once");
                    }
                }
                case ServerAddress.Literal literal -> {
                    if (excluded(family, literal)) {
                        notices.add(notUsed(line, family.get()));
                    } else {
                        literals.add(association);
                    }
                }
                case ServerAddress.HostName host -> names.add(new ResolveSchedule.Name(association, host));
            }
        }
        return new SourcePlan(List.copyOf(literals), List.copyOf(names), List.copyOf(nts), local, List.copyOf(notices));
    }

    private static boolean excluded(Optional<AddressFamily> family, ServerAddress.Literal literal) {
        return family.isPresent() && family.get() != literal.address().family();
    }

    private static String notUsed(String line, AddressFamily family) {
        return line + ": not used, " + (family == AddressFamily.IPV4 ? "-4" : "-6")
                + " on the command line allows only " + family + " servers";
    }

    /**
     * The lines as {@code ntpd -q} polls them: each with {@code iburst}, as ntpd 4.2.8 forces it
     * when emulating ntpdate, so that the clock is set within seconds rather than minutes.
     */
    static List<Association> withIburst(List<Association> associations) {
        List<Association> forced = new ArrayList<>();
        for (Association association : associations) {
            AssociationOptions options = association.options();
            EnumSet<AssociationFlag> flags = EnumSet.of(AssociationFlag.IBURST);
            flags.addAll(options.flags());
            forced.add(new Association(association.type(), association.address(), new AssociationOptions(flags,
                    options.minPollLog2(), options.maxPollLog2(), options.version(), options.key(), options.mode(),
                    options.ttl(), options.caFile(), options.ntsKePort()), association.origin()));
        }
        return List.copyOf(forced);
    }
}
