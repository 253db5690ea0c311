package org.jntp.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.source.Retirement;
import org.jntp.source.Synchronizer;

/**
 * The network sources the client core polls, as their lines resolve: a server line adds its first
 * address, a pool line every address while fewer than {@code tos maxclock} sources are polled, as
 * ntpd mobilises pool servers, and keeps the rest in reserve. An address already polled or in
 * reserve is not added twice, and a pool does not take back an address it let go. A server name
 * looked up again (SIGHUP) stays on its address while the name still resolves to it, and moves
 * to the new one otherwise.
 */
final class SourceSet {
    private final List<Synchronizer.SourceSpec> sources = new ArrayList<>();
    /** Pool addresses resolved while tos maxclock sources were polled: the next to take a dropped one's place. */
    private final List<Synchronizer.SourceSpec> spares = new ArrayList<>();
    private final List<InetSocketAddress> retired = new ArrayList<>();
    private final int maxclock;
    private final int port;

    /** @param port the UDP port servers are asked on */
    SourceSet(int maxclock, int port) {
        this.maxclock = maxclock;
        this.port = port;
    }

    /** The sources so far, in the order they were added. */
    List<Synchronizer.SourceSpec> sources() {
        return List.copyOf(sources);
    }

    /**
     * What letting a retired association go came to.
     *
     * @param notes       the lines to log
     * @param lookUpAgain the pool's name, once its reserve is used up: fresh addresses are wanted
     */
    record Replacement(List<String> notes, Optional<ResolveSchedule.Name> lookUpAgain) {}

    /** Adds what a line's address resolved to (again, for a pool whose reserve ran out); returns what to log. */
    List<String> add(Association association, List<InetAddress> addresses) {
        List<String> notes = new ArrayList<>();
        String line = line(association);
        boolean pool = association.type() == AssociationType.POOL;
        Optional<Synchronizer.SourceSpec> current = polledNamedLine(association);
        if (current.isPresent()) {
            notes.add(line + " still resolves to " + AddressText.of(current.get().address().getAddress()));
            return notes;
        }
        for (InetAddress address : addresses) {
            InetSocketAddress destination = new InetSocketAddress(address, port);
            String shown = AddressText.of(address);
            if (contains(destination)) {
                notes.add(line + ": " + shown + " is already a source");
                continue;
            }
            if (pool && retired.contains(destination)) {
                notes.add(line + ": " + shown + " was demobilized, not taken again");
                continue;
            }
            if (pool && spares.stream().anyMatch(spare -> spare.address().equals(destination))) {
                notes.add(line + ": " + shown + " is already in reserve");
                continue;
            }
            if (pool && sources.size() >= maxclock) {
                notes.add(line + ": " + shown + " kept in reserve, tos maxclock " + maxclock + " sources already");
                spares.add(new Synchronizer.SourceSpec(destination, association));
                continue;
            }
            sources.add(new Synchronizer.SourceSpec(destination, association));
            if (pool) {
                notes.add("Soliciting pool server " + shown);
            } else if (association.address() instanceof ServerAddress.HostName) {
                notes.add(line + " resolved to " + shown);
            }
            if (!pool) {
                break;
            }
        }
        return notes;
    }

    /**
     * A server or peer name looked up again: if the address its line is polled at is no longer
     * among those the name resolves to, that source is taken out and returned, for the daemon to
     * let its association go; {@link #add} then puts the line on its new address. A pool keeps its
     * members: fresh addresses only join them or wait in reserve.
     */
    Optional<Synchronizer.SourceSpec> moved(Association association, List<InetAddress> addresses) {
        Optional<Synchronizer.SourceSpec> current = polledNamedLine(association);
        if (current.isEmpty() || addresses.contains(current.get().address().getAddress())) {
            return Optional.empty();
        }
        sources.remove(current.get());
        return current;
    }

    /** The source a server or peer line written as a name is polled at, if it is. */
    private Optional<Synchronizer.SourceSpec> polledNamedLine(Association association) {
        if (association.type() == AssociationType.POOL || !(association.address() instanceof ServerAddress.HostName)) {
            return Optional.empty();
        }
        return sources.stream().filter(source -> source.association().equals(association)).findFirst();
    }

    /**
     * Takes a retired association out and puts the next reserve address of the same pool in its
     * place, if there is one; a retired address is not taken again. Once the pool's reserve is used
     * up, its name is to be looked up again for fresh addresses.
     */
    Replacement replace(Retirement retirement) {
        Synchronizer.SourceSpec dropped = retirement.source();
        Association association = dropped.association();
        List<String> notes = new ArrayList<>();
        sources.remove(dropped);
        retired.add(dropped.address());
        notes.add(line(association) + ": demobilizing " + AddressText.of(dropped.address().getAddress()) + ", "
                + switch (retirement.cause()) {
                    case UNREACHABLE -> "unreachable for " + Synchronizer.POOL_UNREACH_POLLS + " polls";
                    case FALSETICKER -> "a falseticker for " + Synchronizer.POOL_FALSETICK_POLLS + " polls";
                });
        for (Synchronizer.SourceSpec spare : List.copyOf(spares)) {
            if (spare.association().equals(association)) {
                spares.remove(spare);
                if (!retired.contains(spare.address()) && !contains(spare.address())) {
                    sources.add(spare);
                    notes.add("Soliciting pool server " + AddressText.of(spare.address().getAddress()));
                    break;
                }
            }
        }
        boolean reserveLeft = spares.stream().anyMatch(spare -> spare.association().equals(association));
        if (association.type() != AssociationType.POOL || reserveLeft
                || !(association.address() instanceof ServerAddress.HostName host)) {
            return new Replacement(notes, Optional.empty());
        }
        notes.add(line(association) + ": no address left in reserve, looking the name up again");
        return new Replacement(notes, Optional.of(new ResolveSchedule.Name(association, host)));
    }

    /** Takes a source out that {@code unpeer} let go; unlike a retired one it may be configured again. */
    void remove(Synchronizer.SourceSpec source) {
        sources.remove(source);
    }

    private static String line(Association association) {
        return association.type().keyword() + " " + association.address();
    }

    private boolean contains(InetSocketAddress destination) {
        return sources.stream().anyMatch(source -> source.address().equals(destination));
    }
}
