package org.jntp.protocol;

/**
 * What {@link NtpPacket#check} found in a datagram, without building objects. The {@code VALID*}
 * shapes are time packets {@link NtpPacket#parse} accepts; the others mirror {@link ParseError}.
 */
public enum PacketShape {
    /** A bare 48-byte header. */
    VALID,
    /** Header and MAC (key identifier and digest), no extension fields. */
    VALID_WITH_MAC,
    /** Header and a 4-octet crypto-NAK. */
    VALID_WITH_CRYPTO_NAK,
    /** Header and one or more extension fields, maybe followed by a MAC: parse it to see. */
    VALID_WITH_EXTENSIONS,
    /** Mode 6 or 7: a control or private message for its own handler. */
    CONTROL_OR_PRIVATE,
    /** See {@link ParseError#TOO_SHORT}. */
    TOO_SHORT,
    /** See {@link ParseError#UNSUPPORTED_VERSION}. */
    UNSUPPORTED_VERSION,
    /** See {@link ParseError#LENGTH_NOT_MULTIPLE_OF_4}. */
    LENGTH_NOT_MULTIPLE_OF_4,
    /** See {@link ParseError#BAD_EXTENSION_LENGTH}. */
    BAD_EXTENSION_LENGTH,
    /** See {@link ParseError#TRUNCATED_EXTENSION}. */
    TRUNCATED_EXTENSION,
    /** See {@link ParseError#BAD_MAC_LENGTH}. */
    BAD_MAC_LENGTH;

    /** True for the shapes of time packets that parse. */
    public boolean isValid() {
        return switch (this) {
            case VALID, VALID_WITH_MAC, VALID_WITH_CRYPTO_NAK, VALID_WITH_EXTENSIONS -> true;
            case CONTROL_OR_PRIVATE, TOO_SHORT, UNSUPPORTED_VERSION, LENGTH_NOT_MULTIPLE_OF_4,
                 BAD_EXTENSION_LENGTH, TRUNCATED_EXTENSION, BAD_MAC_LENGTH -> false;
        };
    }
}
