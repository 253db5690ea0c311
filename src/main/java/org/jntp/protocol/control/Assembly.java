package org.jntp.protocol.control;

import java.util.Objects;

/** What a {@link FragmentAssembler} made of one more fragment. */
public sealed interface Assembly {

    /** Taken; the response is not complete yet. */
    record Waiting() implements Assembly {}

    /**
     * Taken, and the response is complete.
     *
     * @param status the status word of the response
     * @param payload all data in offset order
     */
    record Complete(int status, byte[] payload) implements Assembly {
        /** Copies the payload. */
        public Complete {
            payload = payload.clone();
        }

        /** The payload (a copy). */
        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /**
     * An error response: the request failed.
     *
     * @param errorCode the code from the status' high octet; see {@link ControlError#of}
     */
    record Failed(int errorCode) implements Assembly {}

    /** Set aside; the response is unchanged. */
    record Rejected(FragmentRejection reason) implements Assembly {
        /** Requires a reason. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
