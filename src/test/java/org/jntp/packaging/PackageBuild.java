package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The .deb that scripts/package builds from the jar of Maven's package phase: built once for
 * all the packaging tests of a run, as it takes tens of seconds, and with gzip instead of xz,
 * which takes a minute more; the files inside are the same.
 */
final class PackageBuild {
    private static Path deb;

    private PackageBuild() {}

    /** The version the jar's manifest names, as {@code --version} prints it. */
    static String version() {
        return manifest("Implementation-Version");
    }

    private static String manifest(String attribute) {
        try (JarFile jar = new JarFile(Shell.HOME.resolve("target/jntp.jar").toFile())) {
            return jar.getManifest().getMainAttributes().getValue(attribute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path deb() throws Exception {
        if (deb == null) {
            Shell.Result built = Shell.run(List.of("env", "JNTP_DEB_COMPRESSION=gzip",
                    Shell.HOME.resolve("scripts/package").toString(), "--jar-built"));
            assertThat(built.exit()).as(built.err()).isZero();
            deb = Shell.HOME.resolve(built.out().strip());
        }
        return deb;
    }
}
