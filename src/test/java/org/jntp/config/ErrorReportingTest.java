package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;

import org.junit.jupiter.api.Test;

class ErrorReportingTest {
    @Test
    void collectsEveryErrorInFileOrder() {
        assertThat(errors("""
                server 192.0.2.1 minpoll 1
                restrict default nomodfy
                server 192.0.2.2
                discard average 99
                """)).hasSize(3)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("/etc/ntp.conf:1: server: minpoll 1"),
                        second -> assertThat(second).startsWith("/etc/ntp.conf:2: restrict:"),
                        third -> assertThat(third).startsWith("/etc/ntp.conf:4: discard:"));
    }

    @Test
    void collectsSeveralErrorsOnOneLine() {
        assertThat(errors("server 192.0.2.1 minpoll 1 maxpoll 99 ibrust")).hasSize(3);
    }

    @Test
    void invalidFileStillConfiguresItsGoodLines() {
        ConfigResult result = ConfigParser.parse("server 192.0.2.1\nserver 192.0.2.2 minpoll 1\ndisable monitor\n",
                ConfigTesting.FILE);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(result.config().associations()).hasSize(1);
        assertThat(result.config().isEnabled(SystemFlag.MONITOR)).isFalse();
    }

    @Test
    void errorKeepsTheColumnOfTheOffendingWord() {
        ConfigResult result = ConfigParser.parse("server 192.0.2.1   minpoll 1", ConfigTesting.FILE);
        assertThat(result.errors().getFirst().column()).isEqualTo(28);
        assertThat(result.errors().getFirst().line()).isEqualTo(1);
        assertThat(result.errors().getFirst().file()).isEqualTo(ConfigTesting.FILE);
    }

    @Test
    void misspeltDirectiveGetsASuggestion() {
        assertThat(errors("sever 192.0.2.1")).containsExactly(
                "/etc/ntp.conf:1: unknown directive \"sever\"; did you mean \"server\"?");
    }

    @Test
    void capitalisedDirectiveIsToldToUseLowerCase() {
        assertThat(errors("Server 192.0.2.1")).containsExactly(
                "/etc/ntp.conf:1: unknown directive \"Server\"; keywords are lower case: write \"server\"");
    }

    @Test
    void ntpdDirectiveNotYetImplementedIsNamedAsSuch() {
        assertThat(errors("end")).containsExactly(
                "/etc/ntp.conf:1: ntpd's \"end\" is not supported yet; remove the line or comment it out with #");
    }

    @Test
    void unrelatedWordListsTheDirectives() {
        assertThat(errors("frobnicate")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: unknown directive \"frobnicate\"; use one of: ")
                .contains("restrict", "server", "includefile");
    }
}
