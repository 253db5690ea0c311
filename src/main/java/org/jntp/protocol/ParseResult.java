package org.jntp.protocol;

import java.util.Objects;

/** The outcome of {@link NtpPacket#parse}: a packet, or the reason there is none. */
public sealed interface ParseResult {

    /** The datagram is a well-formed time packet. */
    record Parsed(NtpPacket packet) implements ParseResult {
        /** Requires a packet. */
        public Parsed {
            Objects.requireNonNull(packet, "packet");
        }
    }

    /** The datagram is not a time packet this implementation can read. */
    record Malformed(ParseError reason) implements ParseResult {
        /** Requires a reason. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
