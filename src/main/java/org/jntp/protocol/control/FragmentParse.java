package org.jntp.protocol.control;

import java.util.Objects;

/** The outcome of {@link ResponseFragment#parse}: a fragment, or why the datagram is none. */
public sealed interface FragmentParse {

    /** A fragment. */
    record Parsed(ResponseFragment fragment) implements FragmentParse {
        /** Requires a fragment. */
        public Parsed {
            Objects.requireNonNull(fragment, "fragment");
        }
    }

    /** Not a fragment to read. */
    record Malformed(FragmentError reason) implements FragmentParse {
        /** Requires a reason. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
