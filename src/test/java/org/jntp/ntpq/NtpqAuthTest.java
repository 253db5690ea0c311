package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.junit.jupiter.api.Test;

/** ntpq's keyid, keytype, passwd and authenticate, and the signed requests they lead to. */
class NtpqAuthTest {
    private static final SymmetricKey KEY = new SymmetricKey(5, KeyType.MD5, "secret".getBytes(StandardCharsets.US_ASCII));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static List<byte[]> stratum(ControlRequest request) {
        return ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0x0615, "stratum=2");
    }

    /** Answers signed with the key, as ntpd answers a request verified with it. */
    private static List<byte[]> signedStratum(ControlRequest request) {
        return stratum(request).stream().map(d -> {
            byte[] padded = Arrays.copyOf(d, (d.length + 7) & ~7);
            return NtpMac.append(padded, padded.length, KEY);
        }).toList();
    }

    private int run(FakeServer server, String input, String... args) {
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader(input)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, server, name -> List.of(), a -> "name.example", () -> Instant.EPOCH, () -> ZoneOffset.UTC);
        return NtpqShell.run(List.of(args), env, "jntp test");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Checks a request as sent: padded to 8 octets, then the key's ID and digest. */
    private static void assertSignedWith(byte[] datagram, SymmetricKey key) {
        int covered = datagram.length - NtpMac.KEY_ID_LENGTH - key.type().digestLength();
        assertThat(covered % 8).isZero();
        assertThat(ByteBuffer.wrap(datagram).getInt(covered)).isEqualTo(key.keyId());
        byte[] digest = Arrays.copyOfRange(datagram, covered + NtpMac.KEY_ID_LENGTH, datagram.length);
        assertThat(NtpMac.verify(key, datagram, 0, covered, digest)).isTrue();
    }

    @Test
    void keyidIsUndefinedAtFirst() {
        run(FakeServer.silent(), "", "-c", "keyid", "127.0.0.1");

        assertThat(out()).isEqualTo("no keyid defined\n");
    }

    @Test
    void keyidShowsTheKeyIdSet() {
        run(FakeServer.silent(), "", "-c", "keyid 5", "-c", "keyid", "127.0.0.1");

        assertThat(out()).isEqualTo("\nkeyid is 5\n");
    }

    @Test
    void keyidAboveTheLimitIsInvalid() {
        run(FakeServer.silent(), "", "-c", "keyid 65536", "-c", "keyid", "127.0.0.1");

        assertThat(out()).isEqualTo("Invalid key identifier\n\nno keyid defined\n");
    }

    @Test
    void keytypeIsMd5AtFirst() {
        run(FakeServer.silent(), "", "-c", "keytype", "127.0.0.1");

        assertThat(out()).isEqualTo("keytype is MD5 with 16 octet digests\n");
    }

    @Test
    void keytypeTakesSha1() {
        run(FakeServer.silent(), "", "-c", "keytype sha1", "-c", "keytype", "127.0.0.1");

        assertThat(out()).isEqualTo("\nkeytype is SHA1 with 20 octet digests\n");
    }

    @Test
    void keytypeRefusesDigestsTooBigForMode6() {
        run(FakeServer.silent(), "", "-c", "keytype sha256", "-c", "keytype", "127.0.0.1");

        assertThat(err()).isEqualTo("key type SHA256 32 octet digests are too big, max 20\n");
        assertThat(out()).isEqualTo("keytype is not valid. Type \"help keytype\" for the available digest types.\n"
                + "\nkeytype is MD5 with 16 octet digests\n");
    }

    @Test
    void keytypeRefusesAnUnknownName() {
        run(FakeServer.silent(), "", "-c", "keytype rot13", "127.0.0.1");

        assertThat(out()).startsWith("keytype is not valid.");
    }

    @Test
    void passwdAsksForTheKeyIdWhenNoneIsSet() {
        run(FakeServer.silent(), "\n", "-c", "passwd secret", "127.0.0.1");

        assertThat(err()).isEqualTo("Keyid: ");
        assertThat(out()).isEqualTo("Keyid must be defined\n");
    }

    @Test
    void passwdWithoutAPasswordAsksForIt() {
        run(FakeServer.silent(), "", "-c", "keyid 5", "-c", "passwd", "127.0.0.1");

        assertThat(err()).isEqualTo("MD5 Password: ");
        assertThat(out()).isEqualTo("\nPassword unchanged\n");
    }

    @Test
    void authenticateSaysWhetherRequestsAreSigned() {
        run(FakeServer.silent(), "", "-c", "authenticate", "-c", "authenticate yes", "-c", "authenticate",
                "127.0.0.1");

        assertThat(out()).isEqualTo("unauthenticated requests being sent\n\n\nauthenticated requests being sent\n");
    }

    @Test
    void requestsAreUnsignedByDefault() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "rv 0 stratum", "127.0.0.1");

        assertThat(server.requests().getFirst().mac()).isEmpty();
        assertThat(server.datagrams().getFirst()).hasSize(20);
    }

    @Test
    void authenticateYesSignsRequestsWithTheKeySet() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "authenticate yes", "-c", "rv 0 stratum",
                "127.0.0.1");

        assertThat(out()).endsWith("stratum=2\n");
        byte[] request = server.datagrams().getFirst();
        assertThat(request).hasSize(24 + 4 + 16);
        assertSignedWith(request, KEY);
    }

    @Test
    void signsWithTheKeyTypeSetBeforeThePassword() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "", "-c", "keytype aes128cmac", "-c", "keyid 9", "-c", "passwd 0123456789abcdef",
                "-c", "authenticate yes", "-c", "rv 0 stratum", "127.0.0.1");

        assertSignedWith(server.datagrams().getFirst(),
                new SymmetricKey(9, KeyType.AES128CMAC, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void asksForKeyIdAndPasswordWhenASignedRequestNeedsThem() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "authenticate yes\nrv 0 stratum\n5\nsecret\n", "127.0.0.1");

        assertThat(err()).isEqualTo("Keyid: MD5 Password: ");
        assertSignedWith(server.datagrams().getFirst(), KEY);
    }

    @Test
    void sendsNothingWithoutAKeyId() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "authenticate yes\nrv 0 stratum\n", "127.0.0.1");

        assertThat(err()).isEqualTo("Keyid: Invalid key identifier\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void sendsNothingWithoutAPassword() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "", "-c", "keyid 5", "-c", "authenticate yes", "-c", "rv 0 stratum", "127.0.0.1");

        assertThat(err()).isEqualTo("MD5 Password: Invalid password\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesToSignWhenTheKeyTypeChangedAfterThePassword() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::stratum);
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "keytype sha1", "-c", "authenticate yes",
                "-c", "rv 0 stratum", "127.0.0.1");

        assertThat(err()).isEqualTo("20 octet MAC, 24 expected with 20 octet digest\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void takesAResponseSignedWithTheKey() {
        FakeServer server = FakeServer.answering(NtpqAuthTest::signedStratum);
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "authenticate yes", "-c", "rv 0 stratum",
                "127.0.0.1");

        assertThat(out()).endsWith("stratum=2\n");
    }

    @Test
    void dropsAResponseWhoseMacWithTheKeyIsWrong() {
        FakeServer server = FakeServer.answering(request -> signedStratum(request).stream().map(d -> {
            d[d.length - 1] ^= 1;
            return d;
        }).toList());
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "authenticate yes", "-c", "timeout 10",
                "-c", "rv 0 stratum", "127.0.0.1");

        assertThat(out()).doesNotContain("stratum=2");
        assertThat(err()).contains("***Request timed out");
    }

    @Test
    void writevarSendsASignedWritevar() {
        FakeServer server = FakeServer.answering(request ->
                ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0x0615, ""));
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "writevar 0 leap=0", "127.0.0.1");

        assertThat(out()).endsWith("done! (no data returned)\n");
        ControlRequest request = server.requests().getFirst();
        assertThat(request.opcode()).isEqualTo(ControlOpcode.WRITEVAR);
        assertThat(request.text()).isEqualTo("leap=0");
        assertSignedWith(server.datagrams().getFirst(), KEY);
    }

    @Test
    void writevarSaysWhatTheServerRefused() {
        FakeServer server = FakeServer.answering(request ->
                List.of(ControlResponses.error(request.header(), LeapIndicator.NO_WARNING, ControlError.PERMISSION)));
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "writevar 0 leap=0", "127.0.0.1");

        assertThat(err()).isEqualTo("***Server disallowed request (authentication?)\n");
    }

    @Test
    void writelistWritesTheVariableListSigned() {
        FakeServer server = FakeServer.answering(request ->
                ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0x0615, ""));
        run(server, "", "-c", "keyid 5", "-c", "passwd secret", "-c", "addvars leap=1", "-c", "writelist",
                "127.0.0.1");

        assertThat(out()).endsWith("done! (no data returned)\n");
        ControlRequest request = server.requests().getFirst();
        assertThat(request.opcode()).isEqualTo(ControlOpcode.WRITEVAR);
        assertThat(request.header().associationId()).isZero();
        assertThat(request.text()).isEqualTo("leap=1");
        assertSignedWith(server.datagrams().getFirst(), KEY);
    }
}
