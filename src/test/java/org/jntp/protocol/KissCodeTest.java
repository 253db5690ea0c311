package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class KissCodeTest {
    @Test
    void rfc5905Figure13CodesAreKnown() {
        List<String> figure13 = List.of("ACST", "AUTH", "AUTO", "BCST", "CRYP", "DENY", "DROP", "RSTR",
                "INIT", "MCST", "NKEY", "RATE", "RMOT", "STEP");

        assertThat(figure13).allSatisfy(code -> assertThat(new KissCode(code).isKnown()).isTrue());
    }

    @Test
    void ntsNakIsKnown() {
        assertThat(KissCode.NTSN.isKnown()).isTrue();
    }

    @Test
    void unknownCodeIsCarriedNotRejected() {
        KissCode code = ReferenceId.ofAscii("XYZW").asKissCode();

        assertThat(code.code()).isEqualTo("XYZW");
        assertThat(code.isKnown()).isFalse();
    }

    @Test
    void unprintableOctetsAreCarriedAndGoBackUnchanged() {
        ReferenceId odd = new ReferenceId(0xFF01_7F00);

        assertThat(odd.asKissCode().referenceId()).isEqualTo(odd);
    }

    @Test
    void referenceIdCarriesTheCode() {
        assertThat(KissCode.DENY.referenceId()).isEqualTo(ReferenceId.ofAscii("DENY"));
    }

    @Test
    void denyAndRstrDemandStop() {
        assertThat(KissCode.DENY.demandsStop()).isTrue();
        assertThat(KissCode.RSTR.demandsStop()).isTrue();
        assertThat(KissCode.RATE.demandsStop()).isFalse();
    }

    @Test
    void rateDemandsSlowerPolling() {
        assertThat(KissCode.RATE.demandsSlowerPolling()).isTrue();
        assertThat(KissCode.DENY.demandsSlowerPolling()).isFalse();
    }

    @Test
    void rejectsWhatDoesNotFitFourOctets() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KissCode("RATES"));
        assertThatIllegalArgumentException().isThrownBy(() -> new KissCode("\u0100"));
        assertThatIllegalArgumentException().isThrownBy(() -> new KissCode("AB\0"));
    }

    @Test
    void printsTheCode() {
        assertThat(KissCode.RATE).hasToString("RATE");
    }
}
