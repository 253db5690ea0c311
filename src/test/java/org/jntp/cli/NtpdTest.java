package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.ClientOptions;
import org.jntp.server.access.AddressFamily;
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
    void logsItsVersionAndConfigFileAtStart() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "restrict default nomodfy\n");

        Ntpd.run(List.of("-n", "-c", conf.toString(), "--port", "12399"));

        assertThat(stderr()).containsPattern("ntpd\\[\\d+\\]: ntpd jntp-\\S+: Starting")
                .contains("reading configuration file " + conf);
    }

    @Test
    void checkReportsAConfigErrorAndExitsOneWithoutStarting() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "server 192.0.2.1 iburst\nrestrict default nomodfy\n");

        int exit = Ntpd.run(List.of("--check", "-c", conf.toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains(conf + ":2: ").contains("nomodify").doesNotContain("Starting");
    }

    @Test
    void checkPassesAConfigurationWithOnlyWarnings() throws Exception {
        Path conf = dir.resolve("ntp.conf");
        Files.writeString(conf, "server 192.0.2.1 iburst\nbroadcastclient\n");

        int exit = Ntpd.run(List.of("--check", "-c", conf.toString()));

        assertThat(exit).isZero();
        assertThat(stderr()).contains(conf + ":2: broadcastclient: ignored, jntp has no broadcast mode");
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
        Files.writeString(conf, "server 127.127.1.0\ninterface ignore ipv4\ninterface ignore ipv6\n"
                + "interface ignore wildcard\nlogfile " + log + "\n");

        int exit = Ntpd.run(List.of("-n", "-c", conf.toString(), "--port", "12399"));

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readString(log)).contains("ntpd jntp-").contains("no address to listen on");
    }

    @Test
    void takesTheDriftFileFromTheCommandLineBeforeTheConfiguration() {
        NtpConfig config = ((ConfigResult.Valid) ConfigParser.parse("driftfile /var/lib/ntp/ntp.drift\n", "t.conf"))
                .config();
        NtpdOptions options = ((NtpdOptions.Parse.Ok) NtpdOptions.parse(List.of("-f", "/tmp/other.drift"))).options();

        assertThat(Ntpd.clientOptions(options, config).driftFile()).contains(Path.of("/tmp/other.drift"));
    }

    @Test
    void takesTheDriftFileFromTheConfigurationWithoutMinusF() {
        NtpConfig config = ((ConfigResult.Valid) ConfigParser.parse("driftfile /var/lib/ntp/ntp.drift\n", "t.conf"))
                .config();
        NtpdOptions options = ((NtpdOptions.Parse.Ok) NtpdOptions.parse(List.of("-g", "-x", "-q", "-6"))).options();

        ClientOptions client = Ntpd.clientOptions(options, config);

        assertThat(client.driftFile()).contains(Path.of("/var/lib/ntp/ntp.drift"));
        assertThat(client.panicAllowedOnce()).isTrue();
        assertThat(client.slewOnly()).isTrue();
        assertThat(client.setAndQuit()).isTrue();
        assertThat(client.family()).contains(AddressFamily.IPV6);
        assertThat(client.serverPort()).isEqualTo(123);
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
