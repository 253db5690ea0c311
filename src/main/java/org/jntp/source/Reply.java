package org.jntp.source;

import java.util.Objects;
import org.jntp.discipline.Sample;
import org.jntp.protocol.KissCode;

/** What an association made of a datagram from its source. */
public sealed interface Reply {

    /**
     * A usable packet: one sample for the clock filter, and what the sender says of itself.
     *
     * @param sample     θ, δ, ε and the arrival time
     * @param variables  the sender's header fields
     * @param ageSeconds how long before the sample's epoch its offset was measured: 0, or for an
     *                   interleaved sample the time since the exchange it measures
     */
    record Measured(Sample sample, PeerVariables variables, double ageSeconds) implements Reply {
        /** Requires both, and an age of zero or more. */
        public Measured {
            Objects.requireNonNull(sample, "sample");
            Objects.requireNonNull(variables, "variables");
            if (!(ageSeconds >= 0)) {
                throw new IllegalArgumentException("age " + ageSeconds);
            }
        }

        /** A sample of the exchange that just ended. */
        public Measured(Sample sample, PeerVariables variables) {
            this(sample, variables, 0);
        }
    }

    /**
     * A packet that gives no sample.
     *
     * @param reason which test it failed
     */
    record Rejected(RejectReason reason) implements Reply {
        private static final Rejected[] BY_REASON = byReason();

        /** Requires a reason. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        /** The outcome for a reason, shared so that rejecting allocates nothing. */
        public static Rejected of(RejectReason reason) {
            return BY_REASON[reason.ordinal()];
        }

        private static Rejected[] byReason() {
            RejectReason[] reasons = RejectReason.values();
            Rejected[] outcomes = new Rejected[reasons.length];
            for (RejectReason reason : reasons) {
                outcomes[reason.ordinal()] = new Rejected(reason);
            }
            return outcomes;
        }
    }

    /**
     * A genuine kiss-o'-death (stratum 0, leap 3, the origin we sent), worth a log line. The
     * association has already acted on it: RATE raised its poll interval, DENY and RSTR stopped it
     * for good ({@link KissCode#demandsStop()}); any other code (INIT, STEP, ...) is taken as an
     * unsynchronized reply.
     *
     * @param code the kiss code
     */
    record KissOfDeath(KissCode code) implements Reply {
        /** Requires a code. */
        public KissOfDeath {
            Objects.requireNonNull(code, "code");
        }
    }
}
