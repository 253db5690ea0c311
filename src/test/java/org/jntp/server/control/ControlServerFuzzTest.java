package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jntp.auth.KeyRing;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.NonceProof;
import org.jntp.protocol.control.RequestParse;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruEntry;

/**
 * Jazzer target for the mode 6 request parser and the answers the control server gives: any
 * datagram, sent as it is or signed with the control key (the fuzzer's last octet chooses), is
 * answered without throwing, in datagrams no longer than ntpd's, and as ntpd would: nothing to
 * what it drops, one error to what it refuses, and no MRU data at all without the nonce that
 * proves the client's address, which a fuzzer cannot forge. From another host (the fuzzer chooses
 * that too) no answer is longer than its request.
 */
class ControlServerFuzzTest {
    private static final int CONTROL_KEY = 5;
    private static final SymmetricKey CONTROL = new SymmetricKey(CONTROL_KEY, KeyType.SHA1,
            "controlsecret".getBytes(StandardCharsets.US_ASCII));
    private static final SymmetricKey UNTRUSTED = new SymmetricKey(7, KeyType.MD5,
            "untrusted".getBytes(StandardCharsets.US_ASCII));
    private static final ControlAuth AUTH = new ControlAuth(KeyRing.of(List.of(CONTROL, UNTRUSTED),
            Set.of(CONTROL_KEY)), OptionalInt.of(CONTROL_KEY), true);
    private static final List<MruEntry> MRU = List.of(
            new MruEntry(IpAddress.parseLiteral("198.51.100.1").orElseThrow(), 123,
                    ControlStates.MONO_NANOS - 9_000_000_000L, ControlStates.MONO_NANOS - 1_000_000_000L, 5, 0, 3, 4),
            new MruEntry(IpAddress.parseLiteral("2001:db8::7").orElseThrow(), 40123,
                    ControlStates.MONO_NANOS - 64_000_000_000L, ControlStates.MONO_NANOS - 8_000_000_000L, 9, 0, 3, 4));
    private static final ControlServer SERVER = new ControlServer(ControlStates::synchronised, () -> MRU,
            () -> ControlStates.STATISTICS, ControlStates.KEY, AUTH);
    /** The server thread's receive buffer: longer datagrams never reach the control server. */
    private static final int MAX_DATAGRAM = 1280;
    /** Room left for the padding and the MAC when the request is signed. */
    private static final int MAX_UNSIGNED_REQUEST =
            MAX_DATAGRAM - 7 - NtpMac.KEY_ID_LENGTH - KeyType.MAX_DIGEST_LENGTH;
    /** A full fragment padded to 8 octets, with the longest MAC after it. */
    private static final int MAX_RESPONSE_DATAGRAM =
            padded8(ControlHeader.LENGTH + ControlHeader.MAX_DATA_LENGTH) + NtpMac.KEY_ID_LENGTH
                    + KeyType.MAX_DIGEST_LENGTH;
    /** As many fragments as the 16-bit offset field can number. */
    private static final int MAX_FRAGMENTS = 0xFFFF / ControlHeader.MAX_DATA_LENGTH + 1;

    private static int padded8(int length) {
        return (length + 7) & ~7;
    }

    @FuzzTest
    void answersAnyRequestWithoutThrowingOrAmplifyingBeyondNtpd(FuzzedDataProvider data) {
        boolean signed = data.consumeBoolean();
        InetSocketAddress client = data.consumeBoolean() ? ControlStates.REMOTE_CLIENT : ControlStates.CLIENT;
        byte[] request = data.consumeBytes(MAX_UNSIGNED_REQUEST);
        byte[] datagram = signed
                ? NtpMac.append(Arrays.copyOf(request, padded8(request.length)), padded8(request.length), CONTROL)
                : request;
        RequestParse parse = ControlRequest.parse(ByteBuffer.wrap(datagram));

        List<byte[]> answer = SERVER.answer(ByteBuffer.wrap(datagram), client,
                ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);

        assertThat(answer).hasSizeLessThanOrEqualTo(MAX_FRAGMENTS);
        assertThat(answer).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(MAX_RESPONSE_DATAGRAM));
        switch (parse) {
            case RequestParse.Ignored ignored -> assertThat(answer).isEmpty();
            case RequestParse.Refused refused -> {
                assertThat(answer).hasSize(1);
                assertThat(answer.getFirst().length).isLessThanOrEqualTo(datagram.length);
            }
            case RequestParse.Parsed parsed -> {
                if (parsed.request().opcode() == ControlOpcode.READ_MRU) {
                    assertThat(answer).hasSizeLessThanOrEqualTo(1);
                    assertThat(answer).allSatisfy(d -> assertThat(header(d).count()).isZero());
                }
                if (client == ControlStates.REMOTE_CLIENT && !provesItsAddress(parsed.request())) {
                    assertThat(answer.stream().mapToInt(d -> d.length).sum()).isLessThanOrEqualTo(datagram.length);
                }
            }
        }
    }

    /** Whether the request starts with a nonce the server issued to the remote client (never, short of a forgery). */
    private static boolean provesItsAddress(ControlRequest request) {
        return NonceProof.split(request.data())
                .filter(proof -> ControlStates.KEY.accepts(proof.nonce(), ControlStates.REMOTE_CLIENT,
                        ControlStates.NOW_NANOS))
                .isPresent();
    }

    private static ControlHeader header(byte[] datagram) {
        return ControlHeader.read(ByteBuffer.wrap(datagram), 0);
    }
}
