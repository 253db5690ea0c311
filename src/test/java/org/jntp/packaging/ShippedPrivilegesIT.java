package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jntp.packaging.Shell.onPath;
import static org.jntp.packaging.Shell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jntp.daemon.privilege.Capability;
import org.jntp.daemon.privilege.ProcStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as the package ships it: /usr/sbin/ntpd from the unpacked .deb, started with its
 * unit's {@code ExecStart}, capability bounding set and {@code NoNewPrivileges}. Two changes keep
 * this host safe and untouched: CAP_SYS_TIME is left out of the bounding set (with a software clock),
 * and the user is {@code nobody}, since the host has no {@code ntp} user and the test makes none.
 * After the switch no thread may hold anything beyond CAP_NET_BIND_SERVICE.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ShippedPrivilegesIT {
    private static final String NOBODY = "65534";
    private static final int PORT = 12399;

    @TempDir
    static Path root;

    @TempDir
    static Path scratch;

    private static Path unit;
    private static Process daemon;

    @BeforeAll
    static void startAsTheUnitDoes() throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("setpriv"), "dpkg-deb and setpriv are needed");
        assertThat(run(List.of("dpkg-deb", "-x", PackageBuild.deb().toString(), root.toString())).exit()).isZero();
        // the unpacked tree stands for /: readable by the user the daemon becomes, as the real / is
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        unit = root.resolve("lib/systemd/system/ntpd.service");
        Path conf = Files.writeString(scratch.resolve("ntp.conf"), """
                server 127.127.1.0
                fudge 127.127.1.0 stratum 8
                interface ignore all
                interface listen 127.0.0.1
                """);
        List<String> command = new ArrayList<>(List.of("setpriv", "--bounding-set", boundingSetWithoutSysTime(),
                "--no-new-privs", "env", "-i", "PATH=/usr/bin:/bin"));
        command.addAll(execStart(conf));
        daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("ntpd.log").toFile()).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    /** The unit's ExecStart with this test's configuration, pid file, user, port and software clock. */
    private static List<String> execStart(Path conf) throws IOException {
        List<String> words = new ArrayList<>(Arrays.asList(directive("ExecStart").split(" +")));
        assertThat(words).startsWith("/usr/sbin/ntpd").containsSequence("-u", "ntp:ntp").contains("-c", "-p");
        words.set(0, root.resolve("usr/sbin/ntpd").toString());
        words.set(words.indexOf("-u") + 1, "nobody");
        words.set(words.indexOf("-c") + 1, conf.toString());
        words.set(words.indexOf("-p") + 1, scratch.resolve("ntpd.pid").toString());
        words.addAll(List.of("--port", Integer.toString(PORT), "--software-clock", "0,0"));
        return words;
    }

    /** The unit's CapabilityBoundingSet in setpriv's words, CAP_SYS_TIME taken out. */
    private static String boundingSetWithoutSysTime() throws IOException {
        List<String> capabilities = Arrays.asList(directive("CapabilityBoundingSet").split(" +"));
        assertThat(capabilities).contains("CAP_SYS_TIME", "CAP_NET_BIND_SERVICE");
        StringBuilder set = new StringBuilder("-all");
        capabilities.stream().filter(name -> !name.equals("CAP_SYS_TIME"))
                .forEach(name -> set.append(",+").append(name.substring("CAP_".length()).toLowerCase(Locale.ROOT)));
        return set.toString();
    }

    private static String directive(String name) throws IOException {
        return Files.readAllLines(unit).stream().filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " has no " + name));
    }

    @Test
    void answersTimeRequestsAfterSwitchingToItsUser() throws Exception {
        byte[] reply = awaitAnswer();

        assertThat(reply[0] & 0x07).as("mode").isEqualTo(4);
        assertThat(reply[1]).as("stratum").isEqualTo((byte) 8);
        assertThat(log()).contains("running as user nobody (uid 65534, gid 65534) with CAP_NET_BIND_SERVICE");
    }

    @Test
    void everyThreadRunsAsItsUserWithNothingBeyondNetBindService() throws IOException {
        awaitAnswer();
        long allowed = Capability.CAP_NET_BIND_SERVICE.bit();
        for (Path task : tasks()) {
            assertThat(ProcStatus.field(task, "Uid")).as(task + "\n" + log()).isEqualTo(String.join("\t", NOBODY, NOBODY, NOBODY, NOBODY));
            assertThat(ProcStatus.bits(task, "CapPrm") & ~allowed).as(task + " CapPrm").isZero();
            assertThat(ProcStatus.bits(task, "CapEff") & ~allowed).as(task + " CapEff").isZero();
            assertThat(ProcStatus.bits(task, "CapInh")).as(task + " CapInh").isZero();
            assertThat(ProcStatus.bits(task, "CapAmb")).as(task + " CapAmb").isZero();
            assertThat(ProcStatus.field(task, "NoNewPrivs")).as(task + " NoNewPrivs").isEqualTo("1");
            assertThat(Capability.in(ProcStatus.bits(task, "CapBnd"))).as(task + " CapBnd").doesNotContain(Capability.CAP_SYS_TIME);
        }
    }

    @Test
    void itsServingThreadsKeepNetBindService() throws IOException {
        awaitAnswer();
        List<Path> serving = tasks().stream().filter(task -> ProcStatus.name(task).startsWith("ntpd-")).toList();
        assertThat(serving).as(log()).isNotEmpty();
        for (Path task : serving) {
            assertThat(Capability.in(ProcStatus.bits(task, "CapEff"))).as(task.toString()).containsExactly(Capability.CAP_NET_BIND_SERVICE);
        }
    }

    /** The first answer to a mode 3 request: by then the switch is made and the serving threads run. */
    private byte[] awaitAnswer() throws IOException {
        return TimeQuery.awaitAnswer(PORT, daemon::isAlive)
                .orElseThrow(() -> new AssertionError("no answer on port " + PORT + "\n" + log()));
    }

    private static List<Path> tasks() {
        return ProcStatus.tasks(daemon.pid());
    }

    private String log() {
        return read(scratch.resolve("ntpd.log"));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
