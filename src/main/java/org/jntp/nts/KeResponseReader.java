package org.jntp.nts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client's reading of the server's NTS-KE response (RFC 8915 §4.1): an Error record refuses;
 * otherwise exactly one Next Protocol Negotiation record naming NTPv4 alone, one AEAD Algorithm
 * Negotiation record naming AES-SIV-CMAC-256 alone, at least one cookie, at most one NTPv4 server
 * and one port record. Warnings and unknown records that are not critical are ignored; an unknown
 * critical record fails the exchange.
 */
public final class KeResponseReader {
    /** The NTP port when the server names none. */
    public static final int DEFAULT_NTP_PORT = 123;

    private KeResponseReader() {}

    /** The request this client sends: NTPv4 with AES-SIV-CMAC-256. */
    public static byte[] request() {
        return new KeRequest.Valid(List.of(KeNegotiation.NTPV4), List.of(KeNegotiation.AES_SIV_CMAC_256),
                Optional.empty(), OptionalInt.empty()).encode();
    }

    /**
     * What a whole response message gives; never throws on any input.
     *
     * @param keServer the NTS-KE server's host, the NTP server when the response names none
     * @param exporter the session's TLS exporter, asked only once the response agrees an algorithm
     */
    public static KeResult read(byte[] message, String keServer, KeResponder.KeyExporter exporter) {
        return switch (KeRecords.decode(message)) {
            case KeRecords.Malformed() -> new KeResult.Failed("the response is not a well-formed NTS-KE message");
            case KeRecords.Message(List<KeRecord> records) -> read(records, keServer, exporter);
        };
    }

    private static KeResult read(List<KeRecord> records, String keServer, KeResponder.KeyExporter exporter) {
        Optional<List<Integer>> protocols = Optional.empty();
        Optional<List<Integer>> algorithms = Optional.empty();
        Optional<String> ntpServer = Optional.empty();
        OptionalInt ntpPort = OptionalInt.empty();
        List<byte[]> cookies = new ArrayList<>();
        for (KeRecord record : records) {
            Optional<KeRecordType> known = KeRecordType.of(record.type());
            if (known.isEmpty()) {
                if (record.critical()) {
                    return new KeResult.Failed("unknown critical record type " + record.type());
                }
                continue;
            }
            byte[] body = record.body();
            switch (known.get()) {
                case ERROR -> {
                    return body.length == 2 ? new KeResult.Refused(KeRecords.numbers(body).getFirst())
                            : new KeResult.Failed("an Error record of " + body.length + " octets");
                }
                case NEXT_PROTOCOL_NEGOTIATION -> {
                    if (protocols.isPresent() || body.length % 2 != 0) {
                        return new KeResult.Failed("a repeated or malformed Next Protocol Negotiation record");
                    }
                    protocols = Optional.of(KeRecords.numbers(body));
                }
                case AEAD_ALGORITHM_NEGOTIATION -> {
                    if (algorithms.isPresent() || body.length % 2 != 0) {
                        return new KeResult.Failed("a repeated or malformed AEAD Algorithm Negotiation record");
                    }
                    algorithms = Optional.of(KeRecords.numbers(body));
                }
                case NEW_COOKIE_FOR_NTPV4 -> cookies.add(body);
                case NTPV4_SERVER_NEGOTIATION -> {
                    if (ntpServer.isPresent() || !NtpServerName.isValid(body)) {
                        return new KeResult.Failed("a repeated or malformed NTPv4 Server Negotiation record");
                    }
                    ntpServer = Optional.of(new String(body, StandardCharsets.US_ASCII));
                }
                case NTPV4_PORT_NEGOTIATION -> {
                    if (ntpPort.isPresent() || body.length != 2) {
                        return new KeResult.Failed("a repeated or malformed NTPv4 Port Negotiation record");
                    }
                    ntpPort = OptionalInt.of(KeRecords.numbers(body).getFirst());
                }
                case WARNING -> {
                    // RFC 8915 §4.1.4: a warning does not stop the exchange
                }
                case END_OF_MESSAGE -> {
                    return new KeResult.Failed("an End of Message record before the end");
                }
            }
        }
        if (!protocols.equals(Optional.of(List.of(KeNegotiation.NTPV4)))) {
            return new KeResult.Failed("the server did not agree to NTPv4 alone: next protocols "
                    + protocols.map(Object::toString).orElse("missing"));
        }
        if (!algorithms.equals(Optional.of(List.of(KeNegotiation.AES_SIV_CMAC_256)))) {
            return new KeResult.Failed("the server did not agree to AES-SIV-CMAC-256 alone: AEAD algorithms "
                    + algorithms.map(Object::toString).orElse("missing"));
        }
        if (cookies.isEmpty()) {
            return new KeResult.Failed("the server sent no cookie");
        }
        Optional<SessionKeys> keys = exporter.export(KeNegotiation.AES_SIV_CMAC_256);
        if (keys.isEmpty()) {
            return new KeResult.Failed("the TLS session's keys could not be exported");
        }
        return new KeResult.Established(keys.get(), cookies, ntpServer.orElse(keServer),
                ntpPort.orElse(DEFAULT_NTP_PORT));
    }
}
