package org.jntp.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/**
 * The .deb that scripts/package builds from the jar of Maven's package phase: built once for
 * all the packaging tests of a run, as it takes tens of seconds, and with gzip instead of xz,
 * which takes a minute more; the files inside are the same.
 */
final class PackageBuild {
    private static Path deb;

    private PackageBuild() {}

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
