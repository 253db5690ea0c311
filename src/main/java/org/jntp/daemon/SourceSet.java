package org.jntp.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jntp.config.Association;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.source.Synchronizer;

/**
 * The network sources the client core polls, as their lines resolve: a server line adds its first
 * address, a pool line every address while fewer than {@code tos maxclock} sources are polled, as
 * ntpd mobilises pool servers. An address already polled is not added twice.
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

    /** Adds what a line's address resolved to; returns what to log. */
    List<String> add(Association association, List<InetAddress> addresses) {
        List<String> notes = new ArrayList<>();
        String line = association.type().keyword() + " " + association.address();
        boolean pool = association.type() == AssociationType.POOL;
        for (InetAddress address : addresses) {
            InetSocketAddress destination = new InetSocketAddress(address, port);
            String shown = AddressText.of(address);
            if (contains(destination)) {
                notes.add(line + ": " + shown + " is already a source");
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
     * Takes a dropped pool member out and puts the next reserve address of the same pool in its
     * place, if there is one; a dropped address is not taken again. Returns what to log.
     */
    List<String> replace(Synchronizer.SourceSpec dropped) {
        List<String> notes = new ArrayList<>();
        sources.remove(dropped);
        retired.add(dropped.address());
        notes.add("pool " + dropped.association().address() + ": dropping " + AddressText.of(dropped.address().getAddress())
                + ", unreachable");
        for (Synchronizer.SourceSpec spare : List.copyOf(spares)) {
            if (spare.association().equals(dropped.association())) {
                spares.remove(spare);
                if (!retired.contains(spare.address())) {
                    sources.add(spare);
                    notes.add("Soliciting pool server " + AddressText.of(spare.address().getAddress()));
                    break;
                }
            }
        }
        return notes;
    }

    private boolean contains(InetSocketAddress destination) {
        return sources.stream().anyMatch(source -> source.address().equals(destination));
    }
}
