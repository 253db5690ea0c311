package org.jntp.server.access;

import java.util.EnumSet;
import java.util.Set;

/** What a restrict line applies to: the default entries, the association template, or a network. */
public sealed interface RestrictTarget {
    /** The default entry of each named family ({@code restrict default}, {@code -4 default}, ...). */
    record Default(Set<AddressFamily> families) implements RestrictTarget {
        public Default {
            if (families.isEmpty()) {
                throw new IllegalArgumentException("a default restriction names at least one family");
            }
            families = Set.copyOf(families);
        }

        /** {@code restrict default} without -4 or -6: both families. */
        public static Default bothFamilies() {
            return new Default(EnumSet.allOf(AddressFamily.class));
        }

        /** {@code restrict -4 default} or {@code restrict -6 default}: one family. */
        public static Default of(AddressFamily family) {
            return new Default(EnumSet.of(family));
        }
    }

    /** {@code restrict source}: a template applied to each association's address as it mobilizes. */
    record Source() implements RestrictTarget {}

    /** A host or network given by address and mask. */
    record Network(AddressMask addressMask) implements RestrictTarget {}
}
