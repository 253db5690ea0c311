package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jntp.config.SetVar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntpq saveconfig's file, written as ntpd 4.2.8 writes it. */
class ConfigSavingTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 26, 23, 5, 9, 0, ZoneOffset.UTC);
    private static final InetSocketAddress ASKER = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.9"), 40123);
    private static final List<String> READ_AT_START = List.of("server 192.0.2.1 iburst", "driftfile /var/lib/ntp/drift");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0);

    private ConfigSaving saving() {
        return new ConfigSaving(directory, READ_AT_START, () -> NOW, log);
    }

    @Test
    void writesTheConfigurationReadAtStartAndAnswersWhere() throws IOException {
        assertThat(saving().save("saved.conf", ASKER)).isEqualTo("Configuration saved to 'saved.conf'");

        assertThat(Files.readAllLines(directory.resolve("saved.conf"))).containsExactly(
                "# saveconfig 2026-11-26T23:05:09Z", "server 192.0.2.1 iburst", "driftfile /var/lib/ntp/drift");
        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .contains("Configuration saved to '" + directory.resolve("saved.conf") + "' (requested by 192.0.2.9)");
    }

    @Test
    void addsWhatWasAppliedAtRunTime() throws IOException {
        ConfigSaving saving = saving();
        saving.applied("server 192.0.2.7 iburst\n\n  unpeer 192.0.2.1  \n");

        saving.save("saved.conf", ASKER);

        assertThat(Files.readAllLines(directory.resolve("saved.conf"))).endsWith(
                "# applied at run time", "server 192.0.2.7 iburst", "unpeer 192.0.2.1");
    }

    @Test
    void onlyTheDaemonsUserMayReadTheFile() throws IOException {
        saving().save("saved.conf", ASKER);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("saved.conf"))))
                .isEqualTo("rw-------");
    }

    @Test
    void expandsStrftimeConversionsInTheName() {
        assertThat(saving().save("ntp-%Y%m%d-%H%M%S.conf", ASKER))
                .isEqualTo("Configuration saved to 'ntp-20261126-230509.conf'");
        assertThat(directory.resolve("ntp-20261126-230509.conf")).exists();
    }

    @Test
    void refusesANameThatLeavesTheDirectory() {
        assertThat(saving().save("../etc/ntp.conf", ASKER))
                .isEqualTo("saveconfig rejects unsafe file name '../etc/ntp.conf'");
        assertThat(saving().save("sub/ntp.conf", ASKER)).startsWith("saveconfig rejects unsafe file name");
        assertThat(saving().save(".hidden", ASKER)).startsWith("saveconfig rejects unsafe file name");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("saveconfig rejects unsafe file name from 192.0.2.9");
    }

    @Test
    void neverOverwritesAFile() throws IOException {
        Files.writeString(directory.resolve("saved.conf"), "kept\n");

        assertThat(saving().save("saved.conf", ASKER))
                .isEqualTo("Unable to save configuration to file 'saved.conf': File exists");
        assertThat(Files.readString(directory.resolve("saved.conf"))).isEqualTo("kept\n");
    }

    @Test
    void saysWhenTheDirectoryIsMissing() {
        ConfigSaving saving = new ConfigSaving(directory.resolve("missing"), READ_AT_START, () -> NOW, log);

        assertThat(saving.save("saved.conf", ASKER))
                .isEqualTo("Unable to save configuration to file 'saved.conf': No such file or directory");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("saveconfig saved.conf from 192.0.2.9 failed");
    }

    @Test
    void namesTheSavedFileInTheSystemVariableSavedconfig() {
        ConfigSaving saving = saving();
        SetVar site = new SetVar("site", "lab", true);
        assertThat(saving.userVariables(List.of(site))).containsExactly(site);

        saving.save("saved.conf", ASKER);

        assertThat(saving.userVariables(List.of(site)))
                .containsExactly(site, new SetVar("savedconfig", "saved.conf", false));
    }
}
