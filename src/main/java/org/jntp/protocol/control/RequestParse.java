package org.jntp.protocol.control;

import java.util.Objects;

/** The outcome of {@link ControlRequest#parse}: a request, an error to answer, or silence. */
public sealed interface RequestParse {

    /** A request to serve. */
    record Parsed(ControlRequest request) implements RequestParse {
        /** Requires a request. */
        public Parsed {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A request ntpd answers with an error response ({@link ControlResponses#error}): a bad format
     * ({@link ControlError#BADFMT}) or an opcode it does not serve ({@link ControlError#BADOP}).
     *
     * @param header the request's header, whose version, opcode, sequence and association the
     *     error response echoes
     */
    record Refused(ControlHeader header, ControlError error) implements RequestParse {
        /** Requires both. */
        public Refused {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A datagram ntpd drops without an answer. */
    record Ignored(IgnoreReason reason) implements RequestParse {
        /** Requires a reason. */
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
