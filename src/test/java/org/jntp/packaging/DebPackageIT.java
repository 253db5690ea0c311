package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jntp.packaging.Shell.onPath;
import static org.jntp.packaging.Shell.run;
import static org.jntp.packaging.Shell.runBare;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jntp.packaging.Shell.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that scripts/package builds: its control fields, every file with its owner and mode,
 * its man pages, and the commands it installs, run from a throw-away root that
 * {@code dpkg-deb -x} unpacks (no maintainer script runs, nothing is installed on this host).
 * Skipped where dpkg-deb or groff is missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DebPackageIT {
    private static final String VERSION = PackageBuild.version();

    /** The files outside the runtime, each with its mode as {@code dpkg-deb -c} prints it. */
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("./etc/ntp.conf", "-rw-r--r--"),
            Map.entry("./lib/systemd/system/ntpd.service", "-rw-r--r--"),
            Map.entry("./usr/lib/jntp/jntp.jar", "-rw-r--r--"),
            Map.entry("./usr/lib/jntp/bin/jntp-java", "-rwxr-xr-x"),
            Map.entry("./usr/lib/jntp/bin/jntp-flags", "-rw-r--r--"),
            Map.entry("./usr/lib/jntp/bin/ntpd", "-rwxr-xr-x"),
            Map.entry("./usr/lib/jntp/bin/ntpq", "-rwxr-xr-x"),
            Map.entry("./usr/lib/jntp/bin/ntpstat", "-rwxr-xr-x"),
            Map.entry("./usr/lib/jntp/bin/ntpdate", "-rwxr-xr-x"),
            Map.entry("./usr/lib/jntp/bin/ntpsim", "-rwxr-xr-x"),
            Map.entry("./usr/share/man/man8/ntpd.8.gz", "-rw-r--r--"),
            Map.entry("./usr/share/man/man8/ntpdate.8.gz", "-rw-r--r--"),
            Map.entry("./usr/share/man/man1/ntpq.1.gz", "-rw-r--r--"),
            Map.entry("./usr/share/man/man1/ntpstat.1.gz", "-rw-r--r--"),
            Map.entry("./usr/share/man/man1/ntpsim.1.gz", "-rw-r--r--"),
            Map.entry("./usr/share/man/man5/ntp.conf.5.gz", "-rw-r--r--"));
    private static final Map<String, String> COMMANDS = Map.of(
            "./usr/sbin/ntpd", "../lib/jntp/bin/ntpd",
            "./usr/sbin/ntpdate", "../lib/jntp/bin/ntpdate",
            "./usr/bin/ntpq", "../lib/jntp/bin/ntpq",
            "./usr/bin/ntpstat", "../lib/jntp/bin/ntpstat",
            "./usr/bin/ntpsim", "../lib/jntp/bin/ntpsim");
    private static final Pattern RUNTIME_EXECUTABLE = Pattern.compile("\\./usr/lib/jntp/runtime/(bin/[^/]+|lib/jexec|lib/jspawnhelper)");
    /** One line of {@code dpkg-deb -c}: mode, owner/group, size, date, time, name [-> target]. */
    private static final Pattern ENTRY = Pattern.compile("(\\S+) (\\S+) +\\d+ \\S+ \\S+ (\\S+)(?: -> (\\S+))?");

    @TempDir
    static Path root;

    @TempDir
    static Path control;

    @TempDir
    static Path scratch;

    private static Path deb;
    private static List<Entry> entries;

    private record Entry(String mode, String owner, String name, String linkTarget) {
        boolean isDirectory() {
            return mode.startsWith("d");
        }
    }

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("groff") && onPath("man"), "dpkg-deb, groff and man are needed");
        deb = PackageBuild.deb();
        entries = run(List.of("dpkg-deb", "-c", deb.toString())).out().lines().map(DebPackageIT::entry).toList();
        assertThat(run(List.of("dpkg-deb", "-x", deb.toString(), root.toString())).exit()).isZero();
        assertThat(run(List.of("dpkg-deb", "-e", deb.toString(), control.resolve("DEBIAN").toString())).exit()).isZero();
    }

    @Test
    void controlNamesThePackageAsAnAmd64TimeDaemon() throws Exception {
        assertThat(field("Package")).isEqualTo("jntp");
        assertThat(field("Architecture")).isEqualTo("amd64");
        assertThat(field("Version")).startsWith(VERSION.replaceFirst("-.*", "~"));
        assertThat(field("Section")).isEqualTo("net");
        assertThat(field("Depends")).contains("adduser");
        assertThat(field("Provides").split(", ")).contains("time-daemon", "ntp");
    }

    @Test
    void conflictsWithAndReplacesTheOtherTimeDaemons() throws Exception {
        for (String relation : List.of("Conflicts", "Replaces")) {
            assertThat(field(relation).split(", ")).as(relation)
                    .contains("time-daemon", "ntp", "ntpsec", "chrony", "ntpdate", "ntpstat");
        }
    }

    @Test
    void etcNtpConfIsTheOnlyConffile() throws Exception {
        assertThat(run(List.of("dpkg-deb", "-I", deb.toString(), "conffiles")).out().lines())
                .containsExactly("/etc/ntp.conf");
    }

    @Test
    void everyFileBelongsToRoot() {
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.owner()).as(e.name()).isEqualTo("root/root"));
    }

    @Test
    void everyFileOutsideTheRuntimeIsThereWithItsMode() {
        Map<String, String> modes = new HashMap<>();
        entries.stream().filter(e -> FILES.containsKey(e.name())).forEach(e -> modes.put(e.name(), e.mode()));
        assertThat(modes).isEqualTo(FILES);
    }

    @Test
    void packagesNoFileThatItsListsDoNotName() {
        assertThat(entries).filteredOn(e -> !e.isDirectory())
                .allSatisfy(e -> assertThat(FILES.containsKey(e.name()) || COMMANDS.containsKey(e.name())
                        || e.name().startsWith("./usr/lib/jntp/runtime/")).as(e.name()).isTrue());
    }

    @Test
    void runtimeProgramsAreExecutableAndTheRestIsNot() {
        assertThat(entries).filteredOn(e -> e.name().startsWith("./usr/lib/jntp/runtime/") && !e.isDirectory())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.mode()).as(e.name())
                        .isEqualTo(RUNTIME_EXECUTABLE.matcher(e.name()).matches() ? "-rwxr-xr-x" : "-rw-r--r--"));
    }

    @Test
    void directoriesAreOpenToAllAndWritableByRootOnly() {
        assertThat(entries).filteredOn(Entry::isDirectory).isNotEmpty()
                .allSatisfy(e -> assertThat(e.mode()).as(e.name()).isEqualTo("drwxr-xr-x"));
        assertThat(entries).extracting(Entry::name).contains("./var/lib/ntp/", "./var/log/ntpstats/");
    }

    @Test
    void commandsLieWhereNtpdsPackagesPutThem() {
        assertThat(entries).filteredOn(e -> e.linkTarget() != null)
                .extracting(Entry::name, Entry::linkTarget)
                .containsExactlyInAnyOrderElementsOf(COMMANDS.entrySet().stream()
                        .map(c -> tuple(c.getKey(), c.getValue())).toList());
    }

    @Test
    void everyManPageRendersWithoutWarnings() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root.resolve("usr/share/man"))) {
            pages = files.filter(p -> p.toString().endsWith(".gz")).toList();
        }
        assertThat(pages).hasSize(6);
        for (Path page : pages) {
            Path plain = Files.createTempFile(root, "page", ".man");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                Files.write(plain, in.readAllBytes());
            }
            Result groff = run(List.of("groff", "-ww", "-z", "-man", plain.toString()));
            assertThat(groff.err()).as(page.toString()).isEmpty();
            assertThat(groff.exit()).as(page.toString()).isZero();
            Result man = run(List.of("man", "--warnings", "-l", page.toString()));
            assertThat(man.err()).as(page.toString()).isEmpty();
            assertThat(man.out()).as(page.toString()).contains("NAME", "SEE ALSO");
        }
    }

    @Test
    void maintainerScriptsAreValidShell() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            String shell = Files.readString(control.resolve("DEBIAN").resolve(script)).lines().findFirst().orElseThrow().substring(2);
            Result syntax = run(List.of(shell, "-n", control.resolve("DEBIAN").resolve(script).toString()));
            assertThat(syntax.exit()).as(script + ": " + syntax.err()).isZero();
        }
    }

    @Test
    void postinstCreatesTheNtpUserAndHandsItTheStateDirectories() throws Exception {
        String postinst = Files.readString(control.resolve("DEBIAN/postinst"));
        assertThat(postinst).contains("adduser --system --group").contains("install -d -o ntp -g ntp -m 0755 /var/lib/ntp");
    }

    @Test
    void installedNtpdPrintsItsVersionWithoutASystemJava() throws Exception {
        Result version = runBare(List.of(root.resolve("usr/sbin/ntpd").toString(), "--version"));
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out().strip()).isEqualTo("ntpd jntp-" + VERSION);
    }

    @Test
    void installedNtpdAcceptsTheInstalledNtpConf() throws Exception {
        Path conf = root.resolve("etc/ntp.conf");
        Result check = runBare(List.of(root.resolve("usr/sbin/ntpd").toString(), "--check", "-c", conf.toString()));
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.out() + check.err()).doesNotContain("warning");
    }

    @Test
    void installedDaemonRunsAsNtpdOnThePackagedRuntimeWithTheDaemonsFlags() throws Exception {
        Path conf = scratch.resolve("loopback.conf");
        Files.writeString(conf, """
                server 127.127.1.0
                fudge 127.127.1.0 stratum 8
                interface ignore all
                interface listen 127.0.0.1
                """);
        // a software clock on a port of its own, and no CAP_SYS_TIME even so: this host's clock is never touched
        Process daemon = new ProcessBuilder("setpriv", "--bounding-set", "-sys_time", "env", "-i", "PATH=/usr/bin:/bin",
                root.resolve("usr/sbin/ntpd").toString(), "-n", "-c", conf.toString(), "--port", "12398",
                "--software-clock", "0,0").redirectErrorStream(true).redirectOutput(scratch.resolve("ntpd.log").toFile())
                .start();
        try {
            List<String> argv = List.of();
            for (int tries = 0; tries < 100 && (argv.isEmpty() || !argv.getFirst().equals("ntpd")); tries++) {
                Thread.sleep(100);
                argv = List.of(Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "cmdline")).split("\0"));
            }
            assertThat(argv).first().isEqualTo("ntpd");
            assertThat(argv).contains("-Xmx32m", "-XX:-TieredCompilation", "org.jntp.cli.Ntpd")
                    .containsSequence("-cp", root.resolve("usr/lib/jntp/jntp.jar").toString());
            assertThat(Path.of("/proc", Long.toString(daemon.pid()), "exe").toRealPath())
                    .isEqualTo(root.resolve("usr/lib/jntp/runtime/bin/java").toRealPath());
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    @Test
    void installedToolsRunFromThePackage() throws Exception {
        Result ntpq = runBare(List.of(root.resolve("usr/bin/ntpq").toString(), "--version"));
        assertThat(ntpq.exit()).as(ntpq.err()).isZero();
        assertThat(ntpq.out().strip()).isEqualTo("ntpq jntp " + VERSION);
    }

    @Test
    void installedLaunchersBuildNothing() throws Exception {
        try (Stream<Path> launchers = Files.list(root.resolve("usr/lib/jntp/bin"))) {
            for (Path launcher : launchers.toList()) {
                assertThat(Files.readString(launcher)).as(launcher.toString()).doesNotContain("mvnw", "JAVA_HOME");
            }
        }
    }

    private static String field(String name) throws Exception {
        return run(List.of("dpkg-deb", "-f", deb.toString(), name)).out().strip();
    }

    private static Entry entry(String line) {
        Matcher m = ENTRY.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return new Entry(m.group(1), m.group(2), m.group(3), m.group(4));
    }
}
