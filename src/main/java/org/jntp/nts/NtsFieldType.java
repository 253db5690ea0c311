package org.jntp.nts;

/** The NTP extension field types RFC 8915 §5.3 to §5.6 (and its IANA registrations) define. */
public enum NtsFieldType {
    /** Unique Identifier: random octets the reply echoes, against replay (RFC 8915 §5.3). */
    UNIQUE_IDENTIFIER(0x0104),
    /** NTS Cookie: one cookie, in a request for the server, encrypted in a reply for the client (§5.4). */
    COOKIE(0x0204),
    /** NTS Cookie Placeholder: room a request makes for one more cookie in the reply (§5.5). */
    COOKIE_PLACEHOLDER(0x0304),
    /** NTS Authenticator and Encrypted Extension Fields: nonce and AEAD ciphertext (§5.6). */
    AUTHENTICATOR(0x0404);

    private final int code;

    NtsFieldType(int code) {
        this.code = code;
    }

    /** The field type on the wire. */
    public int code() {
        return code;
    }
}
