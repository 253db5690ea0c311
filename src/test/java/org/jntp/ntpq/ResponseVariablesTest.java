package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseVariablesTest {

    @Test
    void splitsItemsAtCommasAndLineBreaks() {
        assertThat(ResponseVariables.parse("leap=3, stratum=9,\r\nrefid=192.0.2.4\r\n"))
                .containsExactly(new ResponseVariable("leap", "3"), new ResponseVariable("stratum", "9"),
                        new ResponseVariable("refid", "192.0.2.4"));
    }

    @Test
    void keepsCommasInsideQuotes() {
        assertThat(ResponseVariables.parse("system=\"Linux, x86\", tc=4"))
                .containsExactly(new ResponseVariable("system", "\"Linux, x86\""), new ResponseVariable("tc", "4"));
    }

    @Test
    void givesAnItemWithoutEqualsAnEmptyValue() {
        assertThat(ResponseVariables.parse("nonce, leap=0"))
                .containsExactly(new ResponseVariable("nonce", ""), new ResponseVariable("leap", "0"));
    }

    @Test
    void stopsAtAValueWhoseQuoteIsNeverClosed() {
        assertThat(ResponseVariables.parse("leap=0, version=\"ntpd, tc=4"))
                .containsExactly(new ResponseVariable("leap", "0"));
    }

    @Test
    void stopsAtANul() {
        assertThat(ResponseVariables.parse("leap=0\0, tc=4")).containsExactly(new ResponseVariable("leap", "0"));
    }

    @Test
    void readsEveryVariableOfNtpsecsPeerAnswerDespiteItsBinaryFilterArrays() {
        assertThat(ResponseVariables.parse(Captured.peerVariables()))
                .extracting(ResponseVariable::name)
                .contains("srcadr", "hmode", "reach", "filtdelay", "filtoffset", "pmode", "filtdisp", "ntscookies");
    }
}
