package org.jntp.clock;

/** A leap second announced to the clock for the end of the current UTC day. */
public enum LeapState {
    /** No leap second. */
    NONE,
    /** Insert a second (23:59:60), the kernel's STA_INS. */
    INSERT,
    /** Delete a second (23:59:59 is skipped), the kernel's STA_DEL. */
    DELETE
}
