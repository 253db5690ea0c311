package org.jntp.protocol.control;

/** Why a {@link FragmentAssembler} set a fragment aside; the rest of the response may still come. */
public enum FragmentRejection {
    /** Another request's sequence number: a late answer to an earlier one. */
    WRONG_SEQUENCE,
    /** Another opcode than the request's. */
    WRONG_OPCODE,
    /** The response is already complete or failed. */
    ALREADY_DONE,
    /** No data, yet the More bit says more follows. */
    EMPTY_NON_FINAL,
    /** A fragment at an offset already received. */
    DUPLICATE,
    /** Data overlapping a fragment already received. */
    OVERLAP,
    /** A second fragment without the More bit. */
    SECOND_LAST_FRAGMENT,
    /** Data beyond the end the last fragment set, or a last fragment ending before data received. */
    BEYOND_LAST,
    /** More fragments than a response may have ({@value FragmentAssembler#MAX_FRAGMENTS}). */
    TOO_MANY_FRAGMENTS,
    /** Data beyond the size the assembler accepts. */
    TOO_LARGE
}
