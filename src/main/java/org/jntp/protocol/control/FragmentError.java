package org.jntp.protocol.control;

/** Why a datagram is not a response fragment ntpq would read ({@code getresponse}). */
public enum FragmentError {
    /** Shorter than the 12-octet header. */
    TOO_SHORT,
    /** The mode is not 6. */
    NOT_CONTROL_MODE,
    /** The R bit is clear: a request, not a response. */
    NOT_A_RESPONSE,
    /** Version 0, or above 4. */
    UNSUPPORTED_VERSION,
    /** The count claims more data than the datagram holds. */
    COUNT_EXCEEDS_DATA,
    /** Header and data are not padded to a multiple of 4 octets. */
    NOT_PADDED
}
