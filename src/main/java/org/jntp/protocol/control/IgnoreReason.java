package org.jntp.protocol.control;

/**
 * Why ntpd drops a control request without any answer; each has a counter of its own in ntpd
 * ({@code numctltooshort}, {@code numctlinputresp}, ...).
 */
public enum IgnoreReason {
    /** Shorter than the 12-octet header. */
    TOO_SHORT,
    /** The mode is not 6. */
    NOT_CONTROL_MODE,
    /** The R bit is set: a response, not a request. */
    RESPONSE,
    /** The M bit is set: requests are never fragmented. */
    FRAGMENT,
    /** The E bit is set. */
    ERROR_BIT,
    /** A non-zero offset: requests are never fragmented. */
    NONZERO_OFFSET,
    /** Version 0, or above 4. */
    UNSUPPORTED_VERSION
}
