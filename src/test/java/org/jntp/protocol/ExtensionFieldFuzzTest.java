package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Jazzer target for the octets after the header (RFC 7822): a fixed NTPv4 client header, then
 * whatever the fuzzer gives, so that every run walks extension fields and MACs. What parses has
 * fields of legal lengths, a MAC of a legal length, and adds up to the datagram.
 */
class ExtensionFieldFuzzTest {
    private static final NtpHeader HEADER = NtpHeader.clientRequest(NtpHeader.VERSION,
            NtpTimestamp.ofUnixNanos(1_795_681_550_123_456_789L));

    @FuzzTest
    void readsExtensionFieldsAndMacsOfLegalLengthsOnly(byte[] afterHeader) {
        ByteBuffer datagram = ByteBuffer.allocate(NtpHeader.LENGTH + afterHeader.length);
        HEADER.encode(datagram);
        datagram.put(afterHeader).flip();

        if (NtpPacket.parse(datagram) instanceof ParseResult.Parsed(NtpPacket packet)) {
            int total = NtpHeader.LENGTH;
            for (ExtensionField field : packet.extensionFields()) {
                assertThat(field.length()).isBetween(ExtensionField.MIN_LENGTH, ExtensionField.MAX_LENGTH);
                assertThat(field.length() % 4).isZero();
                total += field.length();
            }
            Optional<Mac> mac = packet.mac();
            int macLength = mac.map(Mac::length).orElse(0);
            assertThat(PacketCheck.isV4MacLength(macLength)).isTrue();
            assertThat(total + macLength).isEqualTo(datagram.limit());
        }
    }
}
