package org.jntp.nts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A client's NTS-KE request (RFC 8915 §4), as the server reads it. */
public sealed interface KeRequest {

    /**
     * A well-formed request: the next protocols and AEAD algorithms the client offers, in its order
     * of preference, and the NTP server and port it would like, if it named them.
     */
    record Valid(List<Integer> nextProtocols, List<Integer> aeadAlgorithms, Optional<String> ntpServer,
            OptionalInt ntpPort) implements KeRequest {

        /** Checks the values fit their records and keeps unmodifiable copies. */
        public Valid {
            nextProtocols = List.copyOf(nextProtocols);
            aeadAlgorithms = List.copyOf(aeadAlgorithms);
            if (nextProtocols.isEmpty()) {
                throw new IllegalArgumentException("a request offers at least one next protocol");
            }
            nextProtocols.forEach(Valid::check16Bits);
            aeadAlgorithms.forEach(Valid::check16Bits);
            ntpServer.ifPresent(server -> {
                if (!NtpServerName.isValid(server.getBytes(StandardCharsets.ISO_8859_1))) {
                    throw new IllegalArgumentException("NTP server \"" + server + "\" is not printable ASCII");
                }
            });
            ntpPort.ifPresent(Valid::check16Bits);
        }

        /** The request a client sends: next protocols, algorithms, server, port, End of Message. */
        public byte[] encode() {
            List<KeRecord> records = new ArrayList<>();
            records.add(KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION, ints(nextProtocols)));
            if (!aeadAlgorithms.isEmpty()) {
                records.add(KeRecord.ofNumbers(true, KeRecordType.AEAD_ALGORITHM_NEGOTIATION, ints(aeadAlgorithms)));
            }
            ntpServer.ifPresent(server -> records.add(KeRecord.of(false, KeRecordType.NTPV4_SERVER_NEGOTIATION,
                    server.getBytes(StandardCharsets.US_ASCII))));
            ntpPort.ifPresent(port -> records.add(KeRecord.ofNumbers(false, KeRecordType.NTPV4_PORT_NEGOTIATION, port)));
            return KeRecords.encode(records);
        }

        private static int[] ints(List<Integer> numbers) {
            return numbers.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void check16Bits(int number) {
            if (number < 0 || number > 0xffff) {
                throw new IllegalArgumentException(number + " does not fit 16 bits");
            }
        }
    }

    /** A request the server refuses, with the error it answers. */
    record Refused(KeError error) implements KeRequest {}

    /** Reads a whole request message; any input gives a result, never an exception. */
    static KeRequest parse(byte[] message) {
        return KeRequestParser.parse(message);
    }
}
