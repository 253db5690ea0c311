package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jntp.config.Association;
import org.jntp.auth.KeyRing;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.junit.jupiter.api.Test;

/** Mode 6 requests with MACs, answered as ntpd 4.2.8's process_control and ctl_flushpkt answer them. */
class ControlAuthTest {
    private static final int CONTROL_KEY = 5;
    private static final SymmetricKey CONTROL = new SymmetricKey(CONTROL_KEY, KeyType.SHA1, ascii("controlsecret"));
    private static final SymmetricKey OTHER_TRUSTED = new SymmetricKey(6, KeyType.MD5, ascii("other"));
    private static final SymmetricKey UNTRUSTED = new SymmetricKey(7, KeyType.MD5, ascii("untrusted"));
    private static final SymmetricKey CMAC = new SymmetricKey(8, KeyType.AES128CMAC, ascii("0123456789abcdef"));
    private static final KeyRing KEYS = KeyRing.of(List.of(CONTROL, OTHER_TRUSTED, UNTRUSTED, CMAC),
            Set.of(CONTROL_KEY, 6, 8, 9));
    private static final ControlState STATE = ControlStates.synchronised();

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<byte[]> answer(ControlAuth auth, byte[] datagram) {
        ControlServer server = new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, auth);
        return server.answer(ByteBuffer.wrap(datagram), ControlStates.CLIENT, ControlStates.NOW_NANOS,
                ControlStates.MONO_NANOS);
    }

    private static List<byte[]> answer(byte[] datagram) {
        return answer(new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true), datagram);
    }

    /** The request as ntpq sends it: header and data padded to 8 octets. */
    private static byte[] unsigned(ControlOpcode opcode, int associationId, String data) {
        byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate((ControlHeader.LENGTH + octets.length + 7) & ~7);
        new ControlHeader(LeapIndicator.NO_WARNING, 2, false, false, false, opcode.code(), 7, 0, associationId, 0,
                octets.length).write(request, 0);
        request.put(ControlHeader.LENGTH, octets);
        return request.array();
    }

    private static byte[] signed(SymmetricKey key, ControlOpcode opcode, int associationId, String data) {
        byte[] request = unsigned(opcode, associationId, data);
        return NtpMac.append(request, request.length, key);
    }

    private static ControlHeader header(byte[] datagram) {
        return ControlHeader.read(ByteBuffer.wrap(datagram), 0);
    }

    private static int errorCode(List<byte[]> datagrams) {
        assertThat(datagrams).hasSize(1);
        assertThat(header(datagrams.getFirst()).error()).isTrue();
        return header(datagrams.getFirst()).errorCode();
    }

    /** Checks the MAC at the end of a response datagram against the key. */
    private static void assertSignedWith(byte[] datagram, SymmetricKey key) {
        int macLength = NtpMac.KEY_ID_LENGTH + key.type().digestLength();
        int covered = datagram.length - macLength;
        assertThat(covered % 8).as("MAC starts on a multiple of 8").isZero();
        assertThat(ByteBuffer.wrap(datagram).getInt(covered)).isEqualTo(key.keyId());
        byte[] digest = Arrays.copyOfRange(datagram, covered + NtpMac.KEY_ID_LENGTH, datagram.length);
        assertThat(NtpMac.verify(key, datagram, 0, covered, digest)).isTrue();
    }

    @Test
    void writevarSignedWithTheControlKeyIsAccepted() {
        List<byte[]> response = answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertThat(header(response.getFirst()).error()).isFalse();
        assertThat(header(response.getFirst()).count()).isZero();
        assertThat(header(response.getFirst()).status()).isEqualTo(STATE.system().status().word());
    }

    @Test
    void answerToAVerifiedRequestIsSignedWithTheSameKey() {
        List<byte[]> response = answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertSignedWith(response.getFirst(), CONTROL);
    }

    @Test
    void everyFragmentOfAVerifiedReadIsSigned() {
        List<byte[]> response = answer(signed(CMAC, ControlOpcode.READVAR, 0, "sys_var_list"));

        assertThat(response).hasSizeGreaterThan(1);
        response.forEach(datagram -> assertSignedWith(datagram, CMAC));
    }

    @Test
    void writevarWithoutMacIsRefused() {
        byte[] request = unsigned(ControlOpcode.WRITEVAR, 0, "leap=0");

        assertThat(errorCode(answer(request))).isEqualTo(ControlError.PERMISSION.code());
        assertThat(answer(request).getFirst()).hasSize(ControlHeader.LENGTH);
    }

    @Test
    void writevarWithAWrongDigestIsRefusedWithACryptoNak() {
        byte[] request = signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0");
        request[request.length - 1] ^= 1;

        List<byte[]> response = answer(request);
        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        byte[] datagram = response.getFirst();
        assertThat(datagram).hasSize(16 + NtpMac.KEY_ID_LENGTH);
        assertThat(ByteBuffer.wrap(datagram).getInt(16)).as("key ID 0, no digest").isZero();
    }

    @Test
    void requestSignedOverOtherDataFailsVerification() {
        byte[] request = signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0");
        request[ControlHeader.LENGTH + 5] = '1';

        assertThat(errorCode(answer(request))).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void untrustedKeyIsRefusedAndTheAnswerOnlyPadded() {
        List<byte[]> response = answer(signed(UNTRUSTED, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertThat(response.getFirst()).hasSize(16);
    }

    @Test
    void unknownKeyIsRefusedAndTheAnswerOnlyPadded() {
        SymmetricKey unknown = new SymmetricKey(77, KeyType.MD5, ascii("whatever"));
        List<byte[]> response = answer(signed(unknown, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertThat(response.getFirst()).hasSize(16);
    }

    @Test
    void trustedKeyMissingFromTheKeysFileFailsVerification() {
        SymmetricKey missing = new SymmetricKey(9, KeyType.MD5, ascii("whatever"));
        List<byte[]> response = answer(signed(missing, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertThat(ByteBuffer.wrap(response.getFirst()).getInt(16)).isZero();
    }

    @Test
    void trustedKeyThatIsNotTheControlKeyIsRefusedButSigned() {
        List<byte[]> response = answer(signed(OTHER_TRUSTED, ControlOpcode.WRITEVAR, 0, "leap=0"));

        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertSignedWith(response.getFirst(), OTHER_TRUSTED);
    }

    @Test
    void withoutAControlKeyNothingMayChangeTheServer() {
        ControlAuth auth = new ControlAuth(KEYS, OptionalInt.empty(), true);

        assertThat(errorCode(answer(auth, signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0"))))
                .isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void withAuthenticationDisabledMacsAreIgnored() {
        ControlAuth auth = new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), false);

        List<byte[]> response = answer(auth, signed(CONTROL, ControlOpcode.WRITEVAR, 0, "leap=0"));
        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertThat(response.getFirst()).hasSize(ControlHeader.LENGTH);
    }

    @Test
    void readRequestWithABadMacIsStillAnswered() {
        byte[] request = signed(CONTROL, ControlOpcode.READVAR, 0, "stratum");
        request[request.length - 1] ^= 1;

        List<byte[]> response = answer(request);
        assertThat(header(response.getFirst()).error()).isFalse();
        assertThat(ByteBuffer.wrap(response.getFirst()).getInt(response.getFirst().length - 4)).isZero();
    }

    @Test
    void writevarOfAPeerIsRefused() {
        assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.WRITEVAR, ControlStates.SERVER_ID, "leap=0"))))
                .isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void writevarOfAReadOnlyVariableIsRefused() {
        assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, "stratum=1"))))
                .isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void writevarOfAnUnknownVariableIsUnknownvar() {
        assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, "bogus=1"))))
                .isEqualTo(ControlError.UNKNOWNVAR.code());
    }

    @Test
    void writevarOfLeapWithoutANumberIsBadfmt() {
        for (String data : List.of("leap", "leap=", "leap=one", "leap=+1")) {
            assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, data)))).as(data)
                    .isEqualTo(ControlError.BADFMT.code());
        }
    }

    @Test
    void writevarOfLeapBeyondTwoBitsIsBadvalue() {
        for (String data : List.of("leap=4", "leap=-1")) {
            assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.WRITEVAR, 0, data)))).as(data)
                    .isEqualTo(ControlError.BADVALUE.code());
        }
    }

    @Test
    void saveconfigAnswersThatNoSaveconfigdirIsConfigured() {
        List<byte[]> response = answer(signed(CONTROL, ControlOpcode.SAVECONFIG, 0, "ntp.conf.saved"));

        ControlHeader header = header(response.getFirst());
        assertThat(header.error()).isFalse();
        assertThat(new String(response.getFirst(), ControlHeader.LENGTH, header.count(), StandardCharsets.ISO_8859_1))
                .isEqualTo("saveconfig prohibited, no saveconfigdir configured\r\n");
    }

    @Test
    void saveconfigHandsTheNameToTheSaverAndAnswersWithItsWords() {
        RecordingSaver saver = new RecordingSaver();
        ControlServer server = new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true),
                new ControlHooks(Optional.empty(), Optional.of(saver), List::of));

        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.SAVECONFIG, 0,
                "ntp-%Y.conf")), ControlStates.CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);

        assertThat(saver.names).containsExactly("ntp-%Y.conf");
        ControlHeader header = header(response.getFirst());
        assertThat(new String(response.getFirst(), ControlHeader.LENGTH, header.count(), StandardCharsets.ISO_8859_1))
                .isEqualTo("Configuration saved to 'ntp-%Y.conf'\r\n");
        assertSignedWith(response.getFirst(), CONTROL);
    }

    @Test
    void saveconfigWithoutANameGetsNoAnswerAsFromNtpd() {
        RecordingSaver saver = new RecordingSaver();
        ControlServer server = new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true),
                new ControlHooks(Optional.empty(), Optional.of(saver), List::of));

        assertThat(server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.SAVECONFIG, 0, "")),
                ControlStates.CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS)).isEmpty();
        assertThat(saver.names).isEmpty();
    }

    @Test
    void configurationAppliedAtRunTimeGoesToTheSaver() {
        RecordingSaver saver = new RecordingSaver();
        ControlServer server = new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true),
                new ControlHooks(Optional.of((from, associations, unpeers) -> { }), Optional.of(saver), List::of));

        server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0, "server 192.0.2.7 iburst")),
                ControlStates.CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);
        server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0, "server 192.0.2.8 minpoll x")),
                ControlStates.CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);

        assertThat(saver.applied).containsExactly("server 192.0.2.7 iburst");
    }

    @Test
    void configureFromASourceUnderNomodifyIsRefusedAsNtpdRefusesIt() {
        List<Association> received = new ArrayList<>();
        ControlServer server = reconfiguring(received);

        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0,
                "server 192.0.2.7")), ControlStates.CLIENT, true,
                ControlStates.NOW_NANOS, ControlStates.MONO_NANOS, false);

        ControlHeader header = header(response.getFirst());
        assertThat(new String(response.getFirst(), ControlHeader.LENGTH, header.count(), StandardCharsets.ISO_8859_1))
                .isEqualTo("runtime configuration prohibited by restrict ... nomodify");
        assertThat(received).isEmpty();
    }

    @Test
    void saveconfigFromASourceUnderNomodifyIsRefusedAsNtpdRefusesIt() {
        RecordingSaver saver = new RecordingSaver();
        ControlServer server = new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true),
                new ControlHooks(Optional.empty(), Optional.of(saver), List::of));

        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.SAVECONFIG, 0,
                "saved.conf")), ControlStates.CLIENT, true,
                ControlStates.NOW_NANOS, ControlStates.MONO_NANOS, false);

        ControlHeader header = header(response.getFirst());
        assertThat(new String(response.getFirst(), ControlHeader.LENGTH, header.count(), StandardCharsets.ISO_8859_1))
                .isEqualTo("saveconfig prohibited by restrict ... nomodify\r\n");
        assertThat(saver.names).isEmpty();
    }

    /** Keeps what it is asked to save and what was applied; every save succeeds. */
    private static final class RecordingSaver implements ConfigSaver {
        final List<String> names = new ArrayList<>();
        final List<String> applied = new ArrayList<>();

        @Override
        public void applied(String text) {
            applied.add(text);
        }

        @Override
        public String save(String fileSpec, InetSocketAddress from) {
            names.add(fileSpec);
            return "Configuration saved to '" + fileSpec + "'";
        }
    }

    @Test
    void orderedListsAreServedOnlyWithTheControlKeyAndSigned() {
        List<byte[]> response = answer(signed(CONTROL, ControlOpcode.READ_ORDLIST_A, 0, "addr_restrictions"));

        assertThat(header(response.getFirst()).error()).isFalse();
        assertSignedWith(response.getFirst(), CONTROL);
        assertThat(errorCode(answer(unsigned(ControlOpcode.READ_ORDLIST_A, 0, "addr_restrictions"))))
                .isEqualTo(ControlError.PERMISSION.code());
    }

    /** A server with the control key whose run-time configuration goes to {@code received}. */
    private static ControlServer reconfiguring(List<Association> received) {
        return new ControlServer(() -> STATE, List::of, () -> ControlStates.STATISTICS,
                ControlStates.KEY, new ControlAuth(KEYS, OptionalInt.of(CONTROL_KEY), true),
                ControlHooks.reconfiguring((from, associations, unpeers) -> received.addAll(associations)));
    }

    private static String configure(String text, List<Association> received) {
        ControlServer server = reconfiguring(received);
        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0, text)),
                ControlStates.CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);
        assertThat(header(response.getFirst()).error()).isFalse();
        assertSignedWith(response.getFirst(), CONTROL);
        int count = header(response.getFirst()).count();
        return new String(response.getFirst(), ControlHeader.LENGTH, count, StandardCharsets.ISO_8859_1);
    }

    @Test
    void configureWithTheControlKeyAddsTheServerLinesAndSucceeds() {
        List<Association> received = new ArrayList<>();

        assertThat(configure("server 192.0.2.7 iburst", received)).isEqualTo("Config Succeeded");
        assertThat(received).singleElement().satisfies(association ->
                assertThat(association.address().toString()).isEqualTo("192.0.2.7"));
    }

    @Test
    void configureFromAnotherHostWithoutANonceIsRefusedAndAppliesNothing() {
        List<Association> received = new ArrayList<>();
        ControlServer server = reconfiguring(received);

        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0,
                "server 192.0.2.7")), ControlStates.REMOTE_CLIENT, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS);

        assertThat(errorCode(response)).isEqualTo(ControlError.PERMISSION.code());
        assertThat(received).isEmpty();
    }

    @Test
    void configureFromAnotherHostWithItsNonceIsApplied() {
        List<Association> received = new ArrayList<>();
        ControlServer server = reconfiguring(received);
        String nonce = ControlStates.KEY.issue(ControlStates.REMOTE_CLIENT, ControlStates.NOW_NANOS);

        List<byte[]> response = server.answer(ByteBuffer.wrap(signed(CONTROL, ControlOpcode.CONFIGURE, 0,
                "nonce=" + nonce + ", server 192.0.2.7")), ControlStates.REMOTE_CLIENT, ControlStates.NOW_NANOS,
                ControlStates.MONO_NANOS);

        assertThat(header(response.getFirst()).error()).isFalse();
        assertThat(received).singleElement().satisfies(association ->
                assertThat(association.address().toString()).isEqualTo("192.0.2.7"));
    }

    @Test
    void configureAnswersWhereTheFirstProblemIsAndAppliesNothing() {
        List<Association> received = new ArrayList<>();

        assertThat(configure("restrict default noquery", received))
                .isEqualTo("column 1 syntax error, \"restrict\" is not changed at run time by jntp;"
                        + " put it in ntp.conf and restart ntpd");
        assertThat(configure("server 192.0.2.7 ibursts", received)).startsWith("column 18 syntax error, server:");
        assertThat(received).isEmpty();
    }

    @Test
    void configureWithoutARunTimeConfigurationIsNotServedEvenWithTheControlKey() {
        assertThat(errorCode(answer(signed(CONTROL, ControlOpcode.CONFIGURE, 0, "")))).isEqualTo(ControlError.BADOP.code());
        assertThat(errorCode(answer(unsigned(ControlOpcode.CONFIGURE, 0, "")))).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void clockWritesAndTrapsAreRefusedEvenWithTheControlKey() {
        for (ControlOpcode opcode : List.of(ControlOpcode.WRITECLOCK, ControlOpcode.SETTRAP, ControlOpcode.UNSETTRAP)) {
            assertThat(errorCode(answer(signed(CONTROL, opcode, 0, "")))).as(opcode.name())
                    .isEqualTo(ControlError.PERMISSION.code());
        }
    }
}
