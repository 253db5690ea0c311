package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.packaging.Shell.onPath;
import static org.jntp.packaging.Shell.run;
import static org.jntp.packaging.Shell.runBare;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jntp.packaging.Shell.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .rpm that scripts/package-rpm builds from the .deb: its header, file list, scripts and the
 * commands it installs, run from a throw-away root that rpm2archive and tar unpack (nothing is
 * installed on this host). Skipped where dpkg-deb or apt-get (which fetches rpmbuild) is missing.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class RpmPackageIT {
    @TempDir
    static Path root;

    @TempDir
    static Path work;

    private static Path deb;
    private static Path rpm;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        assumeTrue(onPath("dpkg-deb") && onPath("apt-get"), "dpkg-deb and apt-get are needed");
        deb = PackageBuild.deb();
        Result built = run(List.of(Shell.HOME.resolve("scripts/package-rpm").toString(), deb.toString()));
        assertThat(built.exit()).as(built.err()).isZero();
        rpm = Shell.HOME.resolve(built.out().strip());
        // rpm2archive writes its .tgz beside the package
        Path copy = Files.copy(rpm, work.resolve("jntp.rpm"));
        assertThat(rpmTool("rpm2archive", copy.toString()).exit()).isZero();
        assertThat(run(List.of("tar", "-xzf", copy + ".tgz", "-C", root.toString())).exit()).isZero();
    }

    @Test
    void headerNamesThePackageForX86_64() throws Exception {
        assertThat(query("%{NAME} %{ARCH}")).isEqualTo("jntp x86_64");
        assertThat(query("%{VERSION}")).isEqualTo(run(List.of("dpkg-deb", "-f", deb.toString(), "Version")).out().strip());
    }

    @Test
    void conflictsWithTheOtherTimeDaemons() throws Exception {
        assertThat(rpmQuery("--conflicts").lines()).contains("ntp", "ntpsec", "chrony", "ntpdate", "ntpstat");
    }

    @Test
    void requiresNoJavaOnlyGlibcAndTheShellsAndToolsOfItsScripts() throws Exception {
        assertThat(rpmQuery("--requires").lines().filter(r -> !r.startsWith("rpmlib(")))
                .containsExactlyInAnyOrder("/bin/bash", "/bin/sh", "/bin/sh", "/bin/sh", "glibc >= 2.17", "shadow-utils");
    }

    @Test
    void payloadIsXzWhichCentos7Reads() throws Exception {
        assertThat(query("%{PAYLOADCOMPRESSOR}")).isEqualTo("xz");
    }

    @Test
    void holdsTheFilesOfTheDebWithTheUnitUnderUsrLib() throws Exception {
        Set<String> debFiles = run(List.of("dpkg-deb", "-c", deb.toString())).out().lines()
                .filter(line -> !line.startsWith("d"))
                .map(line -> line.replaceFirst(".* \\./", "/").replaceFirst(" -> .*", ""))
                .map(name -> name.replaceFirst("^/lib/systemd/", "/usr/lib/systemd/"))
                .collect(Collectors.toSet());
        Set<String> rpmFiles = files().lines().filter(line -> !line.startsWith("d"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
        assertThat(rpmFiles).isEqualTo(debFiles);
    }

    @Test
    void everyFileBelongsToRootButTheStateDirectoriesToNtp() throws Exception {
        assertThat(files().lines()).isNotEmpty().allSatisfy(line -> {
            String name = line.substring(line.lastIndexOf(' ') + 1);
            String owner = name.equals("/var/lib/ntp") || name.equals("/var/log/ntpstats") ? "ntp/ntp" : "root/root";
            assertThat(line.split(" ")[1]).as(line).isEqualTo(owner);
        });
    }

    @Test
    void ntpConfIsAConfigFileThatAnUpgradeKeeps() throws Exception {
        assertThat(rpmQuery("--qf", "[%{FILEFLAGS:fflags} %{FILENAMES}\n]").lines().filter(l -> l.startsWith("c")))
                .containsExactly("cn /etc/ntp.conf");
    }

    @Test
    void preinstallCreatesTheNtpUserAndGroup() throws Exception {
        String scripts = rpmQuery("--scripts");
        assertThat(scripts).contains("preinstall scriptlet")
                .contains("groupadd -r ntp").contains("useradd -r -g ntp -d /var/lib/ntp");
    }

    @Test
    void installedNtpdPrintsItsVersionWithoutASystemJava() throws Exception {
        Result version = runBare(List.of(root.resolve("usr/sbin/ntpd").toString(), "--version"));
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out().strip()).isEqualTo("ntpd jntp-" + PackageBuild.version());
    }

    @Test
    void installedNtpdAcceptsTheInstalledNtpConf() throws Exception {
        Result check = runBare(List.of(root.resolve("usr/sbin/ntpd").toString(), "--check", "-c",
                root.resolve("etc/ntp.conf").toString()));
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
    }

    private static String files() throws Exception {
        return rpmQuery("--qf", "[%{FILEMODES:perms} %{FILEUSERNAME}/%{FILEGROUPNAME} %{FILENAMES}\n]");
    }

    private static String query(String format) throws Exception {
        return rpmQuery("--qf", format).strip();
    }

    private static String rpmQuery(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("rpm", "-qp"));
        args.addAll(List.of(options));
        args.add(rpm.toString());
        Result result = rpmTool(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out();
    }

    private static Result rpmTool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Shell.HOME.resolve("scripts/package-rpm").toString(), "--run"));
        command.addAll(List.of(args));
        return run(command);
    }
}
