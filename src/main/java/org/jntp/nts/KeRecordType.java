package org.jntp.nts;

import java.util.Optional;

/** The NTS-KE record types of RFC 8915 §4.1, by their IANA numbers. */
public enum KeRecordType {
    END_OF_MESSAGE(0),
    NEXT_PROTOCOL_NEGOTIATION(1),
    ERROR(2),
    WARNING(3),
    AEAD_ALGORITHM_NEGOTIATION(4),
    NEW_COOKIE_FOR_NTPV4(5),
    NTPV4_SERVER_NEGOTIATION(6),
    NTPV4_PORT_NEGOTIATION(7);

    private static final KeRecordType[] BY_NUMBER = values();

    private final int number;

    KeRecordType(int number) {
        this.number = number;
    }

    /** The record type number on the wire (15 bits). */
    public int number() {
        return number;
    }

    /** The known type with this number; empty for a type this implementation does not know. */
    public static Optional<KeRecordType> of(int number) {
        return number >= 0 && number < BY_NUMBER.length ? Optional.of(BY_NUMBER[number]) : Optional.empty();
    }
}
