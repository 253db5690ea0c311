package org.jntp.nts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's reading of a request (RFC 8915 §4.1): exactly one Next Protocol Negotiation
 * record, critical, offering at least one protocol; exactly one AEAD Algorithm Negotiation record
 * offering at least one algorithm when NTPv4 is offered; at most one NTPv4 server and one port
 * record; no Error, Warning or New Cookie records, which only servers send; unknown records
 * ignored unless critical. The first fault in record order decides the error.
 */
final class KeRequestParser {
    private KeRequestParser() {}

    static KeRequest parse(byte[] message) {
        return switch (KeRecords.decode(message)) {
            case KeRecords.Malformed() -> new KeRequest.Refused(KeError.BAD_REQUEST);
            case KeRecords.Message(List<KeRecord> records) -> read(records);
        };
    }

    private static KeRequest read(List<KeRecord> records) {
        Optional<List<Integer>> nextProtocols = Optional.empty();
        Optional<List<Integer>> aeadAlgorithms = Optional.empty();
        Optional<String> ntpServer = Optional.empty();
        OptionalInt ntpPort = OptionalInt.empty();
        for (KeRecord record : records) {
            Optional<KeRecordType> known = KeRecordType.of(record.type());
            if (known.isEmpty()) {
                if (record.critical()) {
                    return new KeRequest.Refused(KeError.UNRECOGNIZED_CRITICAL_RECORD);
                }
                continue;
            }
            byte[] body = record.body();
            switch (known.get()) {
                case NEXT_PROTOCOL_NEGOTIATION -> {
                    if (nextProtocols.isPresent() || !record.critical() || !isNumberList(body)) {
                        return badRequest();
                    }
                    nextProtocols = Optional.of(KeRecords.numbers(body));
                }
                case AEAD_ALGORITHM_NEGOTIATION -> {
                    if (aeadAlgorithms.isPresent() || !isNumberList(body)) {
                        return badRequest();
                    }
                    aeadAlgorithms = Optional.of(KeRecords.numbers(body));
                }
                case NTPV4_SERVER_NEGOTIATION -> {
                    if (ntpServer.isPresent() || !NtpServerName.isValid(body)) {
                        return badRequest();
                    }
                    ntpServer = Optional.of(new String(body, StandardCharsets.US_ASCII));
                }
                case NTPV4_PORT_NEGOTIATION -> {
                    if (ntpPort.isPresent() || body.length != 2) {
                        return badRequest();
                    }
                    ntpPort = OptionalInt.of(KeRecords.numbers(body).getFirst());
                }
                case END_OF_MESSAGE, ERROR, WARNING, NEW_COOKIE_FOR_NTPV4 -> {
                    return badRequest();
                }
            }
        }
        if (nextProtocols.isEmpty()
                || nextProtocols.get().contains(KeNegotiation.NTPV4) && aeadAlgorithms.isEmpty()) {
            return badRequest();
        }
        return new KeRequest.Valid(nextProtocols.get(), aeadAlgorithms.orElse(List.of()), ntpServer, ntpPort);
    }

    private static boolean isNumberList(byte[] body) {
        return body.length >= 2 && body.length % 2 == 0;
    }

    private static KeRequest badRequest() {
        return new KeRequest.Refused(KeError.BAD_REQUEST);
    }
}
