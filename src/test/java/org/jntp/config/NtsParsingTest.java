package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import java.util.List;
import org.junit.jupiter.api.Test;

class NtsParsingTest {
    @Test
    void noNtsLinesMeanNoNtsKeServer() {
        assertThat(valid("server 192.0.2.1").nts()).isEqualTo(NtsSettings.none());
        assertThat(NtsSettings.none().enabled()).isFalse();
        assertThat(NtsSettings.none().kePort()).isEqualTo(4460);
    }

    @Test
    void ntpsecServerLinesConfigureTheKeServer() {
        NtsSettings nts = valid("""
                nts enable
                nts cert /etc/ntp/cert-chain.pem
                nts key /etc/ntp/key.pem
                nts cookie /var/lib/ntp/nts-keys
                """).nts();
        assertThat(nts.enabled()).isTrue();
        assertThat(nts.certFile()).contains("/etc/ntp/cert-chain.pem");
        assertThat(nts.keyFile()).contains("/etc/ntp/key.pem");
        assertThat(nts.cookieFile()).contains("/var/lib/ntp/nts-keys");
    }

    @Test
    void disableAfterEnableTurnsTheServerOff() {
        assertThat(valid("nts enable\nnts disable").nts().enabled()).isFalse();
    }

    @Test
    void caNamesTheCertificatesClientsTrust() {
        assertThat(valid("nts ca /etc/ssl/my-ca.pem").nts().caFile()).contains("/etc/ssl/my-ca.pem");
    }

    @Test
    void tls13IsAcceptedAsMinimumAndMaximum() {
        assertThat(valid("nts mintls TLS1.3\nnts maxtls TLSv1.3").nts()).isEqualTo(NtsSettings.none());
    }

    @Test
    void tlsVersionsBelow13AreAnErrorNamingTheFix() {
        assertThat(errors("nts mintls TLS1.2")).singleElement().asString()
                .contains("/etc/ntp.conf:1:", "\"TLS1.2\"", "TLS 1.3 alone", "nts mintls TLS1.3");
    }

    @Test
    void tlsciphersuitesListsTls13SuitesSeparatedByColons() {
        assertThat(valid("nts tlsciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256").nts()
                .tlsCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void aTls12CipherSuiteIsAnError() {
        assertThat(errors("nts tlsciphersuites ECDHE-RSA-AES128-GCM-SHA256")).singleElement().asString()
                .contains("not a TLS 1.3 cipher suite", "TLS_AES_128_GCM_SHA256");
    }

    @Test
    void aeadAcceptsAesSivCmac256Only() {
        assertThat(valid("nts aead AES_SIV_CMAC_256").nts()).isEqualTo(NtsSettings.none());
        assertThat(errors("nts aead AES_SIV_CMAC_512")).singleElement().asString()
                .contains("not implemented", "nts aead AES_SIV_CMAC_256");
    }

    @Test
    void nocerttimecheckTurnsOffTheExpiryCheck() {
        assertThat(valid("nts nocerttimecheck").nts().certTimeCheck()).isFalse();
    }

    @Test
    void portMovesTheKeServer() {
        assertThat(valid("nts port 14460").nts().kePort()).isEqualTo(14460);
    }

    @Test
    void aFileSubcommandWithoutItsFileIsAnError() {
        assertThat(errors("nts cert")).singleElement().asString().contains("cert needs a value", "nts cert ");
    }

    @Test
    void anUnknownSubcommandSuggestsTheNearestOne() {
        assertThat(errors("nts enabel")).singleElement().asString().contains("unknown nts subcommand", "enable");
    }

    @Test
    void extraWordsAreAnError() {
        assertThat(errors("nts enable now")).singleElement().asString().contains("unexpected \"now\"");
    }

    @Test
    void serverOptionsNtsCaAndNovalAreRead() {
        AssociationOptions options = valid("server time.example.net nts ca /etc/ssl/ca.pem noval iburst")
                .associations().getFirst().options();
        assertThat(options.flags()).containsExactlyInAnyOrder(AssociationFlag.NTS, AssociationFlag.NOVAL,
                AssociationFlag.IBURST);
        assertThat(options.caFile()).contains("/etc/ssl/ca.pem");
    }

    @Test
    void poolTakesNtsToo() {
        assertThat(valid("pool pool.example.net nts").associations().getFirst().options().has(AssociationFlag.NTS))
                .isTrue();
    }

    @Test
    void caWithoutNtsIsAnError() {
        assertThat(errors("server 192.0.2.1 ca /etc/ssl/ca.pem")).singleElement().asString()
                .contains("ca applies to NTS sources only", "add \"nts\"");
    }

    @Test
    void ntsWithASymmetricKeyIsAnError() {
        assertThat(errors("server 192.0.2.1 nts key 3")).singleElement().asString()
                .contains("nts and key exclude each other");
    }

    @Test
    void associationsWithoutCaHaveNone() {
        assertThat(valid("server 192.0.2.1").associations().getFirst().options().caFile()).isEmpty();
        assertThat(List.of(AssociationFlag.values())).contains(AssociationFlag.NTS, AssociationFlag.NOVAL);
    }
}
