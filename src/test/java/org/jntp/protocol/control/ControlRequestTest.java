package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mac;
import org.junit.jupiter.api.Test;

class ControlRequestTest {
    private static final HexFormat HEX = HexFormat.of();

    private static RequestParse parse(String hex) {
        return ControlRequest.parse(ByteBuffer.wrap(HEX.parseHex(hex.replace(" ", ""))));
    }

    private static RequestParse.Ignored ignored(IgnoreReason reason) {
        return new RequestParse.Ignored(reason);
    }

    @Test
    void writesAReadstatAsTheTwelveOctetsOfTheHeader() {
        byte[] datagram = ControlRequest.of(2, ControlOpcode.READSTAT, 1, 0, new byte[0]).encode();

        assertThat(HEX.formatHex(datagram)).isEqualTo("160100010000000000000000");
    }

    @Test
    void writesTheVariableListPaddedToFourOctets() {
        byte[] datagram = ControlRequest.of(2, ControlOpcode.READVAR, 2, 0x4567, "leap,stratum".getBytes()).encode();

        assertThat(datagram).hasSize(24);
        assertThat(HEX.formatHex(datagram, 0, 12)).isEqualTo("16020002000045670000000c");
        assertThat(new String(datagram, 12, 12)).isEqualTo("leap,stratum");
    }

    @Test
    void writesWhatItsOwnParserReadsBack() {
        ControlRequest request = ControlRequest.of(4, ControlOpcode.READVAR, 65535, 17767, "rootdisp".getBytes());

        assertThat(ControlRequest.parse(ByteBuffer.wrap(request.encode()))).isEqualTo(new RequestParse.Parsed(request));
    }

    @Test
    void readsNtpqsUnpaddedReadvarWithAVariableList() {
        ControlRequest request = Vectors.request("ntpq-rv0-leap-stratum.request2");

        assertThat(request.opcode()).isEqualTo(ControlOpcode.READVAR);
        assertThat(request.header().version()).isEqualTo(2);
        assertThat(request.header().leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(request.header().sequence()).isEqualTo(2);
        assertThat(request.header().associationId()).isZero();
        assertThat(request.text()).isEqualTo("leap,stratum");
        assertThat(request.mac()).isEmpty();
    }

    @Test
    void readsNtpqsReadstat() {
        ControlRequest request = Vectors.request("ntpq-as.request1");

        assertThat(request.opcode()).isEqualTo(ControlOpcode.READSTAT);
        assertThat(request.data()).isEmpty();
    }

    @Test
    void ignoresTheZeroPaddingOfDebiansNtpstatRequest() {
        ControlRequest request = Vectors.request("ntpstat-readvar-v2.request");

        assertThat(request.opcode()).isEqualTo(ControlOpcode.READVAR);
        assertThat(request.header().version()).isEqualTo(2);
        assertThat(request.data()).isEmpty();
        assertThat(request.mac()).isEmpty();
    }

    @Test
    void acceptsVersions1To4() {
        for (int version = 1; version <= 4; version++) {
            int first = (version << 3) | 6;
            RequestParse result = parse(String.format("%02x020001", first) + "0000000000000000");

            assertThat(result).as("version %d", version).isInstanceOf(RequestParse.Parsed.class);
        }
    }

    @Test
    void dropsVersions0And5To7() {
        for (int version : new int[] {0, 5, 6, 7}) {
            int first = (version << 3) | 6;
            assertThat(parse(String.format("%02x020001", first) + "0000000000000000"))
                    .isEqualTo(ignored(IgnoreReason.UNSUPPORTED_VERSION));
        }
    }

    @Test
    void dropsDatagramsShorterThanTheHeader() {
        assertThat(parse("")).isEqualTo(ignored(IgnoreReason.TOO_SHORT));
        assertThat(parse("1602000100000000000000")).isEqualTo(ignored(IgnoreReason.TOO_SHORT));
    }

    @Test
    void dropsOtherModes() {
        assertThat(parse("23020001000000000000000000")).isEqualTo(ignored(IgnoreReason.NOT_CONTROL_MODE));
    }

    @Test
    void dropsResponses() {
        assertThat(parse("168200010000000000000000")).isEqualTo(ignored(IgnoreReason.RESPONSE));
    }

    @Test
    void dropsFragmentedRequests() {
        assertThat(parse("162200010000000000000000")).isEqualTo(ignored(IgnoreReason.FRAGMENT));
    }

    @Test
    void dropsRequestsWithTheErrorBit() {
        assertThat(parse("164200010000000000000000")).isEqualTo(ignored(IgnoreReason.ERROR_BIT));
    }

    @Test
    void dropsRequestsWithAnOffset() {
        assertThat(parse("160200010000000000040000")).isEqualTo(ignored(IgnoreReason.NONZERO_OFFSET));
    }

    @Test
    void refusesACountBeyondTheData() {
        RequestParse result = parse("16020001 00000000 00000008 6c656170");

        assertThat(result).isInstanceOfSatisfying(RequestParse.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo(ControlError.BADFMT));
    }

    @Test
    void refusesALengthThatIsNotAMultipleOf4() {
        RequestParse result = parse("16020001 00000000 00000002 6c65");

        assertThat(result).isInstanceOfSatisfying(RequestParse.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo(ControlError.BADFMT));
    }

    @Test
    void refusesOpcodesNtpdDoesNotServe() {
        for (int opcode : new int[] {7, 13, 20, 30}) {
            RequestParse result = parse(String.format("16%02x0009", opcode) + "0000000000000000");

            assertThat(result).as("opcode %d", opcode).isInstanceOfSatisfying(RequestParse.Refused.class, refused -> {
                assertThat(refused.error()).isEqualTo(ControlError.BADOP);
                assertThat(refused.header().opcode()).isEqualTo(opcode);
                assertThat(refused.header().sequence()).isEqualTo(9);
            });
        }
    }

    @Test
    void readsAMacAfterTheDataPaddedTo8Octets() {
        // READVAR, count 4 ("leap"), padded to 16, then key 7 and a 16-octet digest
        RequestParse result = parse("26020003 00000000 00000004 6c656170 00000007"
                + "00112233 44556677 8899aabb ccddeeff");

        assertThat(result).isInstanceOfSatisfying(RequestParse.Parsed.class, parsed -> {
            assertThat(parsed.request().mac()).contains(new Mac(7, HEX.parseHex("00112233445566778899aabbccddeeff")));
            assertThat(parsed.request().authenticatedLength()).isEqualTo(16);
            assertThat(parsed.request().text()).isEqualTo("leap");
        });
    }

    @Test
    void takesMoreThan24TrailingOctetsForPaddingNotAMac() {
        RequestParse result = parse("26020003 00000000 00000000" + "00".repeat(32));

        assertThat(result).isInstanceOfSatisfying(RequestParse.Parsed.class,
                parsed -> assertThat(parsed.request().mac()).isEmpty());
    }

    @Test
    void leavesTheBufferAlone() {
        ByteBuffer buf = ByteBuffer.wrap(Vectors.bytes("ntpq-rv0-leap-stratum.request2"));

        ControlRequest.parse(buf);

        assertThat(buf.position()).isZero();
        assertThat(buf.limit()).isEqualTo(24);
    }

    @Test
    void neverThrowsOnRandomDatagrams() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(64)];
            random.nextBytes(datagram);
            if (datagram.length > 0 && random.nextBoolean()) {
                datagram[0] = (byte) ((datagram[0] & 0xF8) | 6);
            }
            if (datagram.length > 1 && random.nextBoolean()) {
                datagram[1] &= 0x1F;
            }
            assertThat(ControlRequest.parse(ByteBuffer.wrap(datagram))).isNotNull();
        }
    }
}
