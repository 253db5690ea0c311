package org.jntp.config;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The options of a server, pool or peer line. Numbers the line does not give are empty, so the
 * defaults (which differ between servers and reference clocks) are applied where they are known.
 *
 * @param minPollLog2 {@code minpoll}, log2 seconds
 * @param maxPollLog2 {@code maxpoll}, log2 seconds
 * @param version {@code version}: the NTP version to send
 * @param key {@code key}: the symmetric key id
 * @param mode {@code mode}: the reference clock driver's mode
 * @param ttl {@code ttl}: time to live for broadcast and manycast
 * @param caFile {@code ca}: the PEM certificates that this NTS server's certificate must chain to,
 *               instead of {@code nts ca} or the system's store
 * @param ntsKePort the port of {@code HOST:PORT}: this NTS source's NTS-KE port, instead of {@code nts port}
 */
public record AssociationOptions(Set<AssociationFlag> flags, OptionalInt minPollLog2, OptionalInt maxPollLog2,
        OptionalInt version, OptionalInt key, OptionalInt mode, OptionalInt ttl, Optional<String> caFile,
        OptionalInt ntsKePort) {
    public AssociationOptions {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(ntsKePort, "ntsKePort");
    }

    /** Options without an NTS-KE port of their own. */
    public AssociationOptions(Set<AssociationFlag> flags, OptionalInt minPollLog2, OptionalInt maxPollLog2,
            OptionalInt version, OptionalInt key, OptionalInt mode, OptionalInt ttl, Optional<String> caFile) {
        this(flags, minPollLog2, maxPollLog2, version, key, mode, ttl, caFile, OptionalInt.empty());
    }

    /** Options without a {@code ca} file. */
    public AssociationOptions(Set<AssociationFlag> flags, OptionalInt minPollLog2, OptionalInt maxPollLog2,
            OptionalInt version, OptionalInt key, OptionalInt mode, OptionalInt ttl) {
        this(flags, minPollLog2, maxPollLog2, version, key, mode, ttl, Optional.empty());
    }

    /** A line with no options. */
    public static AssociationOptions none() {
        OptionalInt empty = OptionalInt.empty();
        return new AssociationOptions(Set.of(), empty, empty, empty, empty, empty, empty);
    }

    /** Whether the line gives this flag. */
    public boolean has(AssociationFlag flag) {
        return flags.contains(flag);
    }
}
