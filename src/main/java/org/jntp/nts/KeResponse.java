package org.jntp.nts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's NTS-KE response (RFC 8915 §4.1). Every record the server sends has the critical
 * bit set, except New Cookie records, which should not have it (§4.1.6).
 */
public sealed interface KeResponse {

    /**
     * NTPv4 with this AEAD algorithm agreed: the cookies (8 by RFC 8915's advice), and the NTP
     * server and port the client should use when they are not the NTS-KE server's address and 123.
     */
    record Accepted(int aeadAlgorithm, List<byte[]> cookies, Optional<String> ntpServer, OptionalInt ntpPort)
            implements KeResponse {
        /** Keeps unmodifiable copies. */
        public Accepted {
            cookies = cookies.stream().map(byte[]::clone).toList();
        }

        @Override
        public List<byte[]> cookies() {
            return cookies.stream().map(byte[]::clone).toList();
        }
    }

    /** None of the client's next protocols is NTPv4: an empty Next Protocol Negotiation record. */
    record NoCommonProtocol() implements KeResponse {}

    /** NTPv4 agreed but none of the client's algorithms: an empty AEAD Algorithm Negotiation record. */
    record NoCommonAlgorithm() implements KeResponse {}

    /** An Error record. */
    record Failed(KeError error) implements KeResponse {}

    /** The response message, End of Message included. */
    default byte[] encode() {
        List<KeRecord> records = new ArrayList<>();
        switch (this) {
            case Accepted(int aead, List<byte[]> cookies, Optional<String> server, OptionalInt port) -> {
                records.add(KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION, KeNegotiation.NTPV4));
                records.add(KeRecord.ofNumbers(true, KeRecordType.AEAD_ALGORITHM_NEGOTIATION, aead));
                port.ifPresent(p -> records.add(KeRecord.ofNumbers(true, KeRecordType.NTPV4_PORT_NEGOTIATION, p)));
                server.ifPresent(name -> records.add(KeRecord.of(true, KeRecordType.NTPV4_SERVER_NEGOTIATION,
                        name.getBytes(StandardCharsets.US_ASCII))));
                cookies.forEach(cookie -> records.add(KeRecord.of(false, KeRecordType.NEW_COOKIE_FOR_NTPV4, cookie)));
            }
            case NoCommonProtocol() -> records.add(KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION));
            case NoCommonAlgorithm() -> {
                records.add(KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION, KeNegotiation.NTPV4));
                records.add(KeRecord.ofNumbers(true, KeRecordType.AEAD_ALGORITHM_NEGOTIATION));
            }
            case Failed(KeError error) -> records.add(KeRecord.ofNumbers(true, KeRecordType.ERROR, error.code()));
        }
        return KeRecords.encode(records);
    }
}
