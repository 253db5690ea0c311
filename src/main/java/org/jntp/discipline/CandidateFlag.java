package org.jntp.discipline;

/** Configuration flags of an association that the mitigation algorithms honour. */
public enum CandidateFlag {
    /** {@code prefer}: chosen as system peer whenever it survives, its offset used alone. */
    PREFER,
    /** {@code true}: always a truechimer and never pruned by the cluster algorithm. */
    TRUE,
    /** The local clock driver (127.127.1.u): used only when no other source survives, unless preferred. */
    LOCAL_CLOCK
}
