package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtpdTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesToStartOnAConfigErrorNamingFileLineAndFix() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "server 127.127.1.0\nrestrict default nomodfy\n");

        int exit = Ntpd.run(List.of("-n", "-c", conf.toString(), "--port", "12399"));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains(conf + ":2: ").contains("nomodfy").contains("nomodify")
                .contains("not starting").doesNotContain("Exception");
    }

    @Test
    void reportsAMissingConfigFileWithoutAStackTrace() {
        int exit = Ntpd.run(List.of("-n", "-c", dir.resolve("absent.conf").toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("absent.conf").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void writesItsLogToTheLogfileNamedInTheConfiguration() throws Exception {
        Path log = dir.resolve("ntp.log");
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "server 127.127.1.0\nlogfile " + log + "\n");

        Ntpd.run(List.of("-n", "-q", "-c", conf.toString()));

        assertThat(Files.readString(log)).contains("ntpd jntp-").contains("-q needs upstream time sources");
    }

    @Test
    void answersAnUnknownFlagWithTheUsage() {
        assertThat(Ntpd.run(List.of("-Z"))).isEqualTo(2);
        assertThat(stderr()).contains("unknown option -Z").contains("usage: ntpd");
    }

    @Test
    void rejectsABadSoftwareClockSpecification() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "server 127.127.1.0\n");

        assertThat(Ntpd.run(List.of("-n", "-c", conf.toString(), "--software-clock", "fast"))).isEqualTo(2);
        assertThat(stderr()).contains("OFFSET_S,FREQ_PPM");
    }
}
