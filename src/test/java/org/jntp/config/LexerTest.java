package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private final List<ConfigError> errors = new ArrayList<>();

    private List<ConfigLine> lines(String text) {
        return Lexer.lines(text, "ntp.conf", errors);
    }

    private static List<String> words(ConfigLine line) {
        return line.tokens().stream().map(Token::text).toList();
    }

    @Test
    void splitsWordsOnBlanksAndTabs() {
        assertThat(words(lines("server\t 192.0.2.1   iburst \r\n").getFirst()))
                .containsExactly("server", "192.0.2.1", "iburst");
    }

    @Test
    void skipsBlankAndCommentLinesButKeepsLineNumbers() {
        List<ConfigLine> lines = lines("# comment\n\n   \nserver a.example\n");
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().number()).isEqualTo(4);
    }

    @Test
    void hashStartsACommentEvenInsideAWord() {
        assertThat(words(lines("server a.example#iburst prefer").getFirst())).containsExactly("server", "a.example");
    }

    @Test
    void doubleQuotesHoldBlanksAndHashes() {
        assertThat(words(lines("logfile \"/var/log/my ntp#1.log\" # note").getFirst()))
                .containsExactly("logfile", "/var/log/my ntp#1.log");
    }

    @Test
    void recordsTheColumnOfEachWord() {
        assertThat(lines("  restrict  default").getFirst().tokens()).extracting(Token::column).containsExactly(3, 13);
    }

    @Test
    void reportsAnUnterminatedQuote() {
        lines("logfile \"/var/log/ntp.log\n");
        assertThat(errors).extracting(ConfigError::toString)
                .containsExactly("ntp.conf:1: unterminated quoted string; add the closing \" on the same line");
    }

    @Test
    void reportsALineHoldingANulCharacterAndDropsIt() {
        assertThat(lines("driftfile /var/lib/ntp/ntp\0.drift\n")).isEmpty();
        assertThat(errors).extracting(ConfigError::toString)
                .containsExactly("ntp.conf:1: NUL character; remove it: ntp.conf is text, and no name can hold a NUL");
    }
}
