package org.jntp.protocol;

/** Why a datagram is not an NTP time packet this implementation can read. */
public enum ParseError {
    /** Empty, or shorter than the 48-byte header. */
    TOO_SHORT,
    /** Version 0 or above 4. */
    UNSUPPORTED_VERSION,
    /** Mode 6 (control) or 7 (private): those messages have formats of their own. */
    CONTROL_OR_PRIVATE_MODE,
    /** Length not a multiple of 4, which neither extension fields nor a MAC can give. */
    LENGTH_NOT_MULTIPLE_OF_4,
    /** An extension field length below 16 or not a multiple of 4. */
    BAD_EXTENSION_LENGTH,
    /** An extension field longer than the rest of the datagram. */
    TRUNCATED_EXTENSION,
    /** What follows the extension fields is 8, 12 or 16 octets: neither a MAC nor a crypto-NAK. */
    BAD_MAC_LENGTH
}
