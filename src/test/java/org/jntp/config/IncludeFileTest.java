package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncludeFileTest {
    /** Files in memory, by path. */
    private static IncludeSource files(Map<String, String> texts) {
        return path -> texts.containsKey(path.toString())
                ? new IncludeSource.Result.Found(texts.get(path.toString()))
                : new IncludeSource.Result.Unreadable("no such file");
    }

    @Test
    void includedLinesAreParsedInPlace() {
        ConfigResult result = ConfigParser.parse(
                "server 192.0.2.1\nincludefile /etc/ntp.d/more.conf\nserver 192.0.2.3\n", "/etc/ntp.conf",
                files(Map.of("/etc/ntp.d/more.conf", "server 192.0.2.2\n")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().associations()).extracting(a -> a.address().toString())
                .containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
    }

    @Test
    void relativeNameIsTakenFromTheIncludingFilesDirectory() {
        ConfigResult result = ConfigParser.parse("includefile ntp.d/servers.conf\n", "/etc/ntp/ntp.conf",
                files(Map.of("/etc/ntp/ntp.d/servers.conf", "includefile ../restrict.conf\n",
                        "/etc/ntp/restrict.conf", "restrict default noquery\n")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().restrictions()).hasSize(1);
    }

    @Test
    void errorsInIncludedFilesNameThatFile() {
        ConfigResult result = ConfigParser.parse("\nincludefile servers.conf\n", "/etc/ntp.conf",
                files(Map.of("/etc/servers.conf", "\n\nserver 192.0.2.1 minpoll 1\n")));
        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "/etc/servers.conf:3: server: minpoll 1 is out of range 3..17; use a value between 3 and 17");
    }

    @Test
    void includeCycleIsAnErrorNamingTheCycle() {
        ConfigResult result = ConfigParser.parse("includefile a.conf\n", "/etc/ntp.conf", files(Map.of(
                "/etc/a.conf", "includefile b.conf\n",
                "/etc/b.conf", "includefile a.conf\n")));
        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "/etc/b.conf:1: includefile: include cycle /etc/a.conf -> /etc/b.conf -> /etc/a.conf; "
                        + "remove one of the includefile lines in the cycle");
    }

    @Test
    void fileIncludingItselfIsACycle() {
        ConfigResult result = ConfigParser.parse("includefile ./ntp.conf\n", "/etc/ntp.conf", files(Map.of()));
        assertThat(result.errors()).singleElement().asString().contains("include cycle /etc/ntp.conf -> /etc/ntp.conf");
    }

    @Test
    void includesNestAtMostFiveDeep() {
        ConfigResult result = ConfigParser.parse("includefile 1.conf\n", "/etc/ntp.conf", files(Map.of(
                "/etc/1.conf", "includefile 2.conf\n",
                "/etc/2.conf", "includefile 3.conf\n",
                "/etc/3.conf", "includefile 4.conf\n",
                "/etc/4.conf", "includefile 5.conf\n",
                "/etc/5.conf", "server 192.0.2.5\nincludefile 6.conf\n",
                "/etc/6.conf", "server 192.0.2.6\n")));
        assertThat(result.config().associations()).hasSize(1);
        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "/etc/5.conf:2: includefile: includes nest deeper than 5 files; "
                        + "include /etc/6.conf from a file nearer the main configuration");
    }

    @Test
    void missingIncludeFileIsAWarningAndTheRestIsRead() {
        ConfigResult result = ConfigParser.parse("includefile nothere.conf\nserver 192.0.2.1\n", "/etc/ntp.conf",
                files(Map.of()));
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(ConfigError::toString).containsExactly(
                "/etc/ntp.conf:1: includefile: cannot read /etc/nothere.conf: no such file; ignored, as ntpd does; "
                        + "check the name; a relative name is taken from the including file's directory");
        assertThat(result.config().associations()).hasSize(1);
    }

    @Test
    void textAloneCannotIncludeFiles() {
        ConfigResult result = ConfigParser.parse("includefile x.conf\n", "ntp.conf");
        assertThat(result.warnings()).singleElement().asString().contains("cannot read x.conf");
        assertThat(Path.of("ntp.conf").resolveSibling("x.conf")).isEqualTo(Path.of("x.conf"));
    }

    @Test
    void anIncludefileNameHoldingANulIsAnErrorNotAnException() {
        ConfigResult result = ConfigParser.parse("includefile /etc/ntp/ext\0ra.conf\n", "/etc/ntp.conf",
                IncludeSource.none());

        assertThat(result.errors()).extracting(ConfigError::line).containsExactly(1);
    }
}
