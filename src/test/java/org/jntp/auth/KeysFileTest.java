package org.jntp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jntp.config.ConfigError;
import org.junit.jupiter.api.Test;

class KeysFileTest {
    private static KeysFile.Result parse(String text) {
        return KeysFile.parse(text, "/etc/ntp.keys");
    }

    private static ConfigError onlyError(String text) {
        KeysFile.Result result = parse(text);
        assertThat(result.errors()).hasSize(1);
        assertThat(result.keys()).isEmpty();
        return result.errors().getFirst();
    }

    @Test
    void readsAnAsciiKey() {
        KeysFile.Result result = parse("1 MD5 secret\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.keys()).containsExactly(
                new SymmetricKey(1, KeyType.MD5, "secret".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readsAKeyOfTwentyCharactersAsAscii() {
        SymmetricKey key = parse("2 SHA1 abcdefabcdefabcdefab").keys().getFirst();
        assertThat(key.secret()).hasSize(20).isEqualTo("abcdefabcdefabcdefab".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsAKeyLongerThanTwentyCharactersAsHex() {
        String hex = "5d3bf8e2a95c1d4e8f0a7b6c3d2e1f0a9b8c7d6e";
        SymmetricKey key = parse("3 SHA1 " + hex).keys().getFirst();
        assertThat(key.secret()).isEqualTo(HexFormat.of().parseHex(hex));
    }

    @Test
    void readsUpperCaseHex() {
        SymmetricKey key = parse("3 SHA1 5D3BF8E2A95C1D4E8F0A7B6C3D2E1F0A9B8C7D6E").keys().getFirst();
        assertThat(key.secret()[0]).isEqualTo((byte) 0x5d);
    }

    @Test
    void usesOnlyTheFirstSixtyFourHexDigitsAndWarns() {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        KeysFile.Result result = parse("4 SHA256 " + hex + "abcd");
        assertThat(result.keys().getFirst().secret()).isEqualTo(HexFormat.of().parseHex(hex));
        assertThat(result.warnings()).singleElement().asString().contains("only the first 64");
    }

    @Test
    void dropsTheLastDigitOfAnOddHexKeyAndWarns() {
        KeysFile.Result result = parse("5 SHA1 00112233445566778899a");
        assertThat(result.keys().getFirst().secret()).hasSize(10);
        assertThat(result.warnings()).singleElement().asString().contains("odd number of hex digits");
    }

    @Test
    void skipsCommentsBlankLinesAndTrailingComments() {
        KeysFile.Result result = parse("# ntpkeygen output\n\n   \n7 M secret# a comment\n8 sha1 other\t# x\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.keys()).extracting(SymmetricKey::keyId).containsExactly(7, 8);
        assertThat(result.keys().getFirst().type()).isEqualTo(KeyType.MD5);
        assertThat(result.keys().getFirst().secret()).isEqualTo("secret".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void takesCarriageReturnLineEnds() {
        assertThat(parse("1 MD5 secret\r\n2 MD5 other\r\n").keys()).extracting(SymmetricKey::keyId)
                .containsExactly(1, 2);
    }

    @Test
    void acceptsTheHighestKeyId() {
        assertThat(parse("65535 AES128CMAC 0123456789abcdef").keys().getFirst().keyId()).isEqualTo(65535);
    }

    @Test
    void refusesKeyZero() {
        ConfigError error = onlyError("0 MD5 secret");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.message()).contains("key 0 cannot be changed");
    }

    @Test
    void refusesAKeyIdAboveTheLimit() {
        assertThat(onlyError("1 MD5 a\n65536 MD5 secret").toString())
                .startsWith("/etc/ntp.keys:2: key 65536 > 65535 reserved for Autokey");
    }

    @Test
    void refusesAKeyIdThatIsNotANumber() {
        assertThat(onlyError("one MD5 secret").message()).contains("\"one\" is not a number");
    }

    @Test
    void refusesALineWithoutAType() {
        assertThat(onlyError("9").message()).isEqualTo("no key type for key 9");
    }

    @Test
    void refusesALineWithoutAKey() {
        assertThat(onlyError("9 MD5 # the key was here").message()).isEqualTo("no key for key 9");
    }

    @Test
    void refusesABadHexDigit() {
        ConfigError error = onlyError("9 SHA1 5d3bf8e2a95c1d4e8f0g7b6c3d2e1f0a9b8c7d6e");
        assertThat(error.message()).isEqualTo("invalid hex digit 'g' for key 9");
        assertThat(error.fix()).contains("0-9 and a-f");
    }

    @Test
    void refusesAnAddressListItCannotHonour() {
        assertThat(onlyError("9 MD5 secret 192.0.2.1,198.51.100.0/24").message()).contains("address list");
    }

    @Test
    void rejectsEveryKeyWhenAnyLineIsWrong() {
        KeysFile.Result result = parse("1 MD5 secret\n0 MD5 bad\n");
        assertThat(result.keys()).isEmpty();
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void leavesOutAKeyOfAnUnknownTypeWithAWarning() {
        KeysFile.Result result = parse("1 SHA secret\n2 MD5 other");
        assertThat(result.errors()).isEmpty();
        assertThat(result.keys()).extracting(SymmetricKey::keyId).containsExactly(2);
        assertThat(result.warnings()).singleElement().asString()
                .isEqualTo("/etc/ntp.keys:1: invalid type \"SHA\" for key 1; the key is left out;"
                        + " use MD5, SHA1, SHA256 or AES128CMAC");
    }

    @Test
    void everyErrorSaysHowToFixIt() {
        for (String line : new String[] {"0 MD5 x", "x MD5 y", "70000 MD5 y", "1", "1 MD5", "1 MD5 a b",
                "1 SHA1 zz345678901234567890123"}) {
            assertThat(parse(line).errors()).singleElement().satisfies(e -> assertThat(e.fix()).isNotBlank());
        }
    }

    @Test
    void keepsTheFirstLineOfAKeyGivenTwiceAndWarns() {
        KeysFile.Result result = parse("3 MD5 first\n3 SHA1 second\n");
        assertThat(result.keys()).singleElement().satisfies(key -> assertThat(key.type()).isEqualTo(KeyType.MD5));
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("/etc/ntp.keys:2: key 3 was already given on line 1");
    }
}
