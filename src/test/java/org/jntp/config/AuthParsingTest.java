package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AuthParsingTest {
    @Test
    void noKeyLinesMeanNoKeys() {
        assertThat(valid("server 192.0.2.1").auth()).isEqualTo(AuthSettings.none());
    }

    @Test
    void keysNamesTheKeysFile() {
        assertThat(valid("keys /etc/ntp.keys").auth().keysFile()).contains("/etc/ntp.keys");
    }

    @Test
    void keysTakesOneFileName() {
        assertThat(errors("keys /etc/ntp.keys /etc/other.keys")).singleElement().asString()
                .contains("unexpected \"/etc/other.keys\"");
    }

    @Test
    void controlkeyAndRequestkeyTakeAKeyId() {
        AuthSettings auth = valid("controlkey 1\nrequestkey 65535").auth();
        assertThat(auth.controlKey()).isEqualTo(OptionalInt.of(1));
        assertThat(auth.requestKey()).isEqualTo(OptionalInt.of(65535));
    }

    @Test
    void controlkeyOutOfRangeIsAnError() {
        assertThat(errors("controlkey 0")).singleElement().asString().contains("out of range 1..65535");
        assertThat(errors("controlkey 65536")).singleElement().asString().contains("out of range 1..65535");
    }

    @Test
    void trustedkeyListsKeyIds() {
        assertThat(valid("trustedkey 1 2 7").auth().trustedKeys()).containsExactlyInAnyOrder(1, 2, 7);
    }

    @Test
    void trustedkeyRangeAsNtpdWritesIt() {
        assertThat(valid("trustedkey 1 2 (5 ... 8)").auth().trustedKeys())
                .containsExactlyInAnyOrder(1, 2, 5, 6, 7, 8);
    }

    @Test
    void trustedkeyRangeWithSpacedParentheses() {
        assertThat(valid("trustedkey ( 10 ... 12 ) 20").auth().trustedKeys())
                .containsExactlyInAnyOrder(10, 11, 12, 20);
    }

    @Test
    void trustedkeyLinesAddUp() {
        assertThat(valid("trustedkey 1\ntrustedkey (3 ... 4)").auth().trustedKeys())
                .containsExactlyInAnyOrder(1, 3, 4);
    }

    @Test
    void trustedkeyRangeOfOneKey() {
        assertThat(valid("trustedkey (9 ... 9)").auth().trustedKeys()).containsExactly(9);
    }

    @Test
    void trustedkeyNeedsAKey() {
        assertThat(errors("trustedkey")).singleElement().asString()
                .isEqualTo("/etc/ntp.conf:1: trustedkey: needs at least one key id;"
                        + " list key ids and ranges, such as \"trustedkey 1 2 (5 ... 10)\"");
    }

    @Test
    void trustedkeyRangeBackwardsIsAnError() {
        assertThat(errors("trustedkey (8 ... 5)")).singleElement().asString()
                .isEqualTo("/etc/ntp.conf:1: trustedkey: range 8 ... 5 is empty; write the smaller key id first");
    }

    @Test
    void trustedkeyRangeWithoutEllipsisIsAnError() {
        assertThat(errors("trustedkey (5 8)")).singleElement().asString().contains("\"(first ... last)\"");
    }

    @Test
    void trustedkeyOutOfRangeIsAnError() {
        assertThat(errors("trustedkey 0")).singleElement().asString().contains("out of range 1..65535");
        assertThat(errors("trustedkey (65530 ... 65536)")).singleElement().asString()
                .contains("trustedkey: 65536 is out of range");
    }

    @Test
    void trustedkeyWordIsAnError() {
        assertThat(errors("trustedkey one")).singleElement().asString()
                .isEqualTo("/etc/ntp.conf:1: trustedkey: \"one\" is not a key id;"
                        + " list key ids and ranges, such as \"trustedkey 1 2 (5 ... 10)\"");
    }

    @Test
    void dashKOverridesKeys() {
        NtpConfig config = valid("keys /etc/ntp.keys\ntrustedkey 1");
        AuthSettings auth = config.withAuth(config.auth().withKeysFile("/tmp/other.keys")).auth();
        assertThat(auth.keysFile()).contains("/tmp/other.keys");
        assertThat(auth.trustedKeys()).containsExactly(1);
    }
}
