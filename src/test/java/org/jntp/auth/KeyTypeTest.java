package org.jntp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTypeTest {
    @Test
    void readsOpenSslNamesInAnyCase() {
        assertThat(KeyType.fromText("md5")).contains(KeyType.MD5);
        assertThat(KeyType.fromText("Sha1")).contains(KeyType.SHA1);
        assertThat(KeyType.fromText("SHA256")).contains(KeyType.SHA256);
        assertThat(KeyType.fromText("aes128cmac")).contains(KeyType.AES128CMAC);
    }

    @Test
    void readsNtpsecNamesForAesCmac() {
        assertThat(KeyType.fromText("AES")).contains(KeyType.AES128CMAC);
        assertThat(KeyType.fromText("aes-128")).contains(KeyType.AES128CMAC);
    }

    @Test
    void readsAnyOtherWordStartingWithMAsMd5() {
        assertThat(KeyType.fromText("M")).contains(KeyType.MD5);
        assertThat(KeyType.fromText("mystery")).contains(KeyType.MD5);
    }

    @Test
    void refusesShaWhichNamesShaZero() {
        assertThat(KeyType.fromText("SHA")).isEmpty();
    }

    @Test
    void cutsDigestsToTwentyOctets() {
        assertThat(KeyType.SHA256.digestLength()).isEqualTo(20);
        assertThat(KeyType.MD5.digestLength()).isEqualTo(16);
    }
}
