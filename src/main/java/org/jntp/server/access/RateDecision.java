package org.jntp.server.access;

/** What to do with a packet once the MRU list has seen it. */
public enum RateDecision {
    /** Within the limits, or not subject to them: serve normally. */
    PASS,
    /** A {@code limited} client over its rate: drop without answering. */
    DROP,
    /** A {@code limited kod} client over its rate: answer with a RATE kiss-o'-death instead of time. */
    KISS_OF_DEATH
}
