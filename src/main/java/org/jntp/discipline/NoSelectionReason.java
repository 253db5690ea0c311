package org.jntp.discipline;

/** Why the mitigation algorithms chose no system peer. */
public enum NoSelectionReason {
    /** No candidate passed the stratum and distance tests, and there is no local clock driver. */
    NO_CANDIDATES,
    /** No interval is shared by a majority of the candidates, and none is {@code true}. */
    NO_MAJORITY,
    /** Fewer cluster survivors than {@code tos minsane}. */
    TOO_FEW_SURVIVORS
}
