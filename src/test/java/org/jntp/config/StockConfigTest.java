package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ntp.conf files that distributions install load without errors or warnings, so a sysadmin
 * can keep the file ntpd or NTPsec left behind. debian-12-ntpsec.conf is the file of Debian 12's
 * ntpsec 1.2.2 package (fetched by scripts/peers/fetch.sh); the others are those of Debian 11's ntp
 * 4.2.8p15, Ubuntu 20.04's ntp 4.2.8p12 and CentOS 7's ntp 4.2.6p5, with the password file
 * CentOS 7 includes.
 */
class StockConfigTest {
    private static final Path CENTOS_PASSWORD_FILE = Path.of("/etc/ntp/crypto/pw");

    @ParameterizedTest
    @ValueSource(strings = {"debian-12-ntpsec.conf", "debian-11-ntp.conf", "ubuntu-20.04-ntp.conf",
            "centos-7-ntp.conf"})
    void loadsWithoutErrorsOrWarnings(String file) {
        ConfigResult result = parse(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void centos7KeepsItsFourServersAndItsRestrictions() {
        NtpConfig config = parse("centos-7-ntp.conf").config();

        assertThat(config.associations()).extracting(Association::type).containsOnly(AssociationType.SERVER)
                .hasSize(4);
        assertThat(config.isEnabled(SystemFlag.MONITOR)).isFalse();
    }

    @Test
    void aMissingIncludeFileIsAWarningAsNtpdGoesOnWithoutIt() {
        ConfigResult result = ConfigParser.parse(resource("centos-7-ntp.conf"), "/etc/ntp.conf",
                IncludeSource.none());

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("/etc/ntp.conf:36: includefile: cannot read /etc/ntp/crypto/pw");
    }

    @Test
    void aBroadcastLineIsIgnoredWithOneWarningNamingIt() {
        ConfigResult result = ConfigParser.parse("server 192.0.2.1 iburst\nbroadcast 192.0.2.255\n", "/etc/ntp.conf");

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .isEqualTo("/etc/ntp.conf:2: broadcast: ignored, jntp has no broadcast mode;"
                        + " remove the line to silence this warning");
        assertThat(result.config().associations()).hasSize(1);
    }

    private static ConfigResult parse(String file) {
        return ConfigParser.parse(resource(file), "/etc/ntp.conf", path -> path.equals(CENTOS_PASSWORD_FILE)
                ? new IncludeSource.Result.Found(resource("centos-7-crypto-pw"))
                : new IncludeSource.Result.Unreadable("no such file"));
    }

    private static String resource(String name) {
        try (InputStream in = StockConfigTest.class.getResourceAsStream("stock/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource stock/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
