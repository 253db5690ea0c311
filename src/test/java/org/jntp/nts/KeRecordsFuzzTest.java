package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Jazzer target for the NTS-KE record parsers (RFC 8915 §4): one message read as a client's request
 * by the server and as a server's response by the client. Neither throws; the server's answer is
 * always a well-formed record stream ending in End of Message; the client reaches a verdict.
 */
class KeRecordsFuzzTest {
    private static final SessionKeys KEYS = new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, new byte[32],
            new byte[32]);

    @FuzzTest
    void answersAndReadsAnyMessageWithoutThrowing(byte[] message) {
        Random random = new Random(4460);
        MasterKeyRing ring = MasterKeyRing.create(1_764_000_000, random);

        KeResponse response = new KeResponder(Optional.empty(), OptionalInt.empty())
                .respond(message, aead -> Optional.of(KEYS), ring, random);

        // a Message only when the records end in a well-formed End of Message
        assertThat(KeRecords.decode(response.encode())).isInstanceOf(KeRecords.Message.class);
        assertThat(KeResponseReader.read(message, "ke.example", aead -> Optional.of(KEYS))).isNotNull();
    }
}
