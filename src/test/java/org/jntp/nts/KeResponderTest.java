package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeResponderTest {
    private static final byte[] CHRONY_REQUEST = HexFormat.of().parseHex("80010002000080040004001e000f80000000");

    private final Random random = new Random(4460);
    private final MasterKeyRing ring = MasterKeyRing.create(1_764_000_000, random);
    private final SessionKeys keys = new SessionKeys(15, new byte[32], filled(32, 7));
    private final KeResponder responder = new KeResponder(Optional.empty(), OptionalInt.empty());

    private static byte[] filled(int octets, int value) {
        byte[] bytes = new byte[octets];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void answersEightCookiesThatOpenToTheExportedKeys() {
        KeResponse response = responder.respond(CHRONY_REQUEST, aead -> Optional.of(keys), ring, random);

        assertThat(response).isInstanceOfSatisfying(KeResponse.Accepted.class, accepted -> {
            assertThat(accepted.aeadAlgorithm()).isEqualTo(15);
            assertThat(accepted.cookies()).hasSize(8).allSatisfy(cookie ->
                    assertThat(CookieCodec.open(cookie, ring))
                            .isEqualTo(new CookieCodec.Opened(keys, MasterKeyRing.Age.CURRENT)));
        });
    }

    @Test
    void namesTheConfiguredNtpServerAndPort() {
        KeResponder named = new KeResponder(Optional.of("ntp.example"), OptionalInt.of(1123));

        KeResponse response = named.respond(CHRONY_REQUEST, aead -> Optional.of(keys), ring, random);

        assertThat(response).isInstanceOfSatisfying(KeResponse.Accepted.class, accepted -> {
            assertThat(accepted.ntpServer()).contains("ntp.example");
            assertThat(accepted.ntpPort()).hasValue(1123);
        });
    }

    @Test
    void answersInternalServerErrorWhenKeyExportFails() {
        assertThat(responder.respond(CHRONY_REQUEST, aead -> Optional.empty(), ring, random))
                .isEqualTo(new KeResponse.Failed(KeError.INTERNAL_SERVER_ERROR));
    }

    @Test
    void answersBadRequestToGarbage() {
        assertThat(responder.respond(new byte[] {1, 2, 3}, aead -> Optional.of(keys), ring, random))
                .isEqualTo(new KeResponse.Failed(KeError.BAD_REQUEST));
    }

    @Test
    void exportsNoKeysWhenNothingIsAgreed() {
        byte[] otherAlgorithm = new KeRequest.Valid(List.of(0), List.of(30), Optional.empty(), OptionalInt.empty()).encode();

        assertThat(responder.respond(otherAlgorithm, aead -> {
            throw new AssertionError("no keys are exported without an agreement");
        }, ring, random)).isEqualTo(new KeResponse.NoCommonAlgorithm());
    }
}
