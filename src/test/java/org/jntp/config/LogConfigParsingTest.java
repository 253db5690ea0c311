package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import org.jntp.config.LogMask.LogClass;
import org.jntp.config.LogMask.LogType;
import org.junit.jupiter.api.Test;

class LogConfigParsingTest {

    @Test
    void logsTheSyncClassOnlyByDefaultAsNtpd() {
        LogMask mask = valid("server 192.0.2.1").logMask();
        assertThat(mask).isEqualTo(LogMask.ofClass(LogClass.SYNC));
        assertThat(mask.bits()).isEqualTo(0xF000);
    }

    @Test
    void equalsSignSetsTheMask() {
        assertThat(valid("logconfig =peerevents").logMask()).isEqualTo(LogMask.of(LogClass.PEER, LogType.EVENTS));
    }

    @Test
    void keywordWithoutPrefixSetsTheMaskAsEqualsDoes() {
        assertThat(valid("logconfig clockstatus").logMask()).isEqualTo(LogMask.of(LogClass.CLOCK, LogType.STATUS));
    }

    @Test
    void plusAddsToTheMaskSoFar() {
        assertThat(valid("logconfig +sysevents").logMask().bits()).isEqualTo(0xF002);
    }

    @Test
    void minusTakesAwayFromTheMaskSoFar() {
        assertThat(valid("logconfig -syncstatus").logMask().bits()).isEqualTo(0xB000);
    }

    @Test
    void appliesKeywordsInOrderAcrossLines() {
        assertThat(valid("logconfig =syncall +clockall\nlogconfig -clockstatistics +peerevents\n")
                .logMask().bits()).isEqualTo(0xF720);
    }

    @Test
    void readsTheNbitsOfNtpdsKeywords() {
        assertThat(LogMask.keyword("allall")).contains(new LogMask(0xFFFF));
        assertThat(LogMask.keyword("allevents")).contains(new LogMask(0x2222));
        assertThat(LogMask.keyword("allinfo")).contains(new LogMask(0x1111));
        assertThat(LogMask.keyword("allstatus")).contains(new LogMask(0x4444));
        assertThat(LogMask.keyword("allstatistics")).contains(new LogMask(0x8888));
        assertThat(LogMask.keyword("allpeer")).contains(new LogMask(0x00F0));
        assertThat(LogMask.keyword("peerall")).contains(new LogMask(0x00F0));
        assertThat(LogMask.keyword("clockinfo")).contains(new LogMask(0x0100));
        assertThat(LogMask.keyword("syncstatistics")).contains(new LogMask(0x8000));
        assertThat(LogMask.keyword("sysstatus")).contains(new LogMask(0x0004));
    }

    @Test
    void bareTypeMeansTheSysClassAsInNtpd() {
        assertThat(LogMask.keyword("events")).contains(LogMask.of(LogClass.SYS, LogType.EVENTS));
        assertThat(LogMask.keyword("all")).contains(LogMask.ofClass(LogClass.SYS));
    }

    @Test
    void everyKeywordListedIsRead() {
        assertThat(LogMask.keywords()).allSatisfy(word -> assertThat(LogMask.keyword(word)).isPresent());
    }

    @Test
    void unknownKeywordIsAnErrorWithTheLikelyOne() {
        assertThat(errors("logconfig =syncal")).singleElement().asString()
                .contains("unknown logconfig keyword \"=syncal\"").contains("syncall");
    }

    @Test
    void keywordsAreCaseSensitiveAsInNtpd() {
        assertThat(errors("logconfig =SyncAll")).hasSize(1);
    }

    @Test
    void emptyQuotedKeywordIsAnError() {
        assertThat(errors("logconfig \"\"")).singleElement().asString().contains("unknown logconfig keyword");
    }

    @Test
    void prefixWithoutKeywordIsAnError() {
        assertThat(errors("logconfig +")).singleElement().asString().contains("unknown logconfig keyword \"+\"");
    }

    @Test
    void emptyLineIsAnError() {
        assertThat(errors("logconfig")).singleElement().asString().contains("logconfig needs at least one keyword");
    }

    @Test
    void lineWithAnUnknownKeywordLeavesTheMaskAsItWas() {
        assertThat(ConfigParser.parse("logconfig =allall\nlogconfig =peerinfo =bogus\n", ConfigTesting.FILE)
                .config().logMask()).isEqualTo(LogMask.ALL);
    }

    @Test
    void allowsALineWhoseClassAndTypeAreInTheMask() {
        LogMask mask = LogMask.DEFAULT;
        assertThat(mask.allows(LogMask.of(LogClass.SYNC, LogType.STATUS))).isTrue();
        assertThat(mask.allows(LogMask.of(LogClass.PEER, LogType.EVENTS))).isFalse();
        assertThat(mask.allows(LogMask.of(LogClass.PEER, LogType.EVENTS).plus(LogMask.of(LogClass.SYNC,
                LogType.EVENTS)))).isTrue();
    }
}
