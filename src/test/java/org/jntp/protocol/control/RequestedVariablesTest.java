package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestedVariablesTest {

    private static List<RequestedVariable> parsed(String text) {
        VariableRequestParse result = RequestedVariables.parse(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(result).isInstanceOf(VariableRequestParse.Parsed.class);
        return ((VariableRequestParse.Parsed) result).variables();
    }

    @Test
    void readsNoItemsFromEmptyData() {
        assertThat(parsed("")).isEmpty();
        assertThat(parsed(" ,\r\n, ")).isEmpty();
    }

    @Test
    void readsNamesSeparatedByCommas() {
        assertThat(parsed("leap,stratum")).containsExactly(RequestedVariable.named("leap"), RequestedVariable.named("stratum"));
    }

    @Test
    void skipsWhitespaceAndCommasBeforeAName() {
        assertThat(parsed("  leap,, \t stratum")).containsExactly(RequestedVariable.named("leap"),
                RequestedVariable.named("stratum"));
    }

    @Test
    void keepsWhitespaceAfterANameAsNtpdDoes() {
        assertThat(parsed("leap ,stratum")).containsExactly(RequestedVariable.named("leap "),
                RequestedVariable.named("stratum"));
    }

    @Test
    void keepsATrailingNulInTheName() {
        assertThat(parsed("nosuchv\0")).containsExactly(RequestedVariable.named("nosuchv\0"));
    }

    @Test
    void readsValuesTrimmedOfWhitespace() {
        assertThat(parsed("nonce=  0123abc \r\n, frags=32")).containsExactly(
                new RequestedVariable("nonce", Optional.of("0123abc")),
                new RequestedVariable("frags", Optional.of("32")));
    }

    @Test
    void tellsAnEmptyValueFromNone() {
        assertThat(parsed("leap=,stratum")).containsExactly(new RequestedVariable("leap", Optional.of("")),
                RequestedVariable.named("stratum"));
    }

    @Test
    void splitsAValueAtItsFirstEqualsSignOnly() {
        assertThat(parsed("addr.0=1.2.3.4=x")).containsExactly(new RequestedVariable("addr.0", Optional.of("1.2.3.4=x")));
    }

    @Test
    void acceptsAValueOf127Characters() {
        assertThat(parsed("v=" + "x".repeat(127))).hasSize(1);
    }

    @Test
    void refusesAValueOf128Characters() {
        assertThat(RequestedVariables.parse("leap,v=" + "x".repeat(128)))
                .isEqualTo(new VariableRequestParse.ValueTooLong("v"));
    }
}
