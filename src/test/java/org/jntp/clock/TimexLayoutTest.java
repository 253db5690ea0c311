package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the Java view of struct timex against what gcc and glibc's headers say; skips without gcc. */
class TimexLayoutTest {

    private static final List<String> MEMBERS = List.of(
            "modes", "offset", "freq", "maxerror", "esterror", "status", "constant", "precision",
            "tolerance", "time.tv_sec", "time.tv_usec", "tick", "ppsfreq", "jitter", "shift", "stabil",
            "jitcnt", "calcnt", "errcnt", "stbcnt", "tai");

    private static final Map<String, Integer> CONSTANTS = constants();

    @TempDir
    Path dir;

    private static Map<String, Integer> constants() {
        Map<String, Integer> constants = new LinkedHashMap<>();
        constants.put("ADJ_OFFSET", Timex.ADJ_OFFSET);
        constants.put("ADJ_FREQUENCY", Timex.ADJ_FREQUENCY);
        constants.put("ADJ_MAXERROR", Timex.ADJ_MAXERROR);
        constants.put("ADJ_ESTERROR", Timex.ADJ_ESTERROR);
        constants.put("ADJ_STATUS", Timex.ADJ_STATUS);
        constants.put("ADJ_TIMECONST", Timex.ADJ_TIMECONST);
        constants.put("ADJ_SETOFFSET", Timex.ADJ_SETOFFSET);
        constants.put("ADJ_NANO", Timex.ADJ_NANO);
        constants.put("STA_PLL", Timex.STA_PLL);
        constants.put("STA_INS", Timex.STA_INS);
        constants.put("STA_DEL", Timex.STA_DEL);
        constants.put("STA_UNSYNC", Timex.STA_UNSYNC);
        constants.put("STA_NANO", Timex.STA_NANO);
        constants.put("TIME_OK", TimeState.OK.ordinal());
        constants.put("TIME_INS", TimeState.INSERT.ordinal());
        constants.put("TIME_DEL", TimeState.DELETE.ordinal());
        constants.put("TIME_OOP", TimeState.LEAP_IN_PROGRESS.ordinal());
        constants.put("TIME_WAIT", TimeState.WAIT.ordinal());
        constants.put("TIME_ERROR", TimeState.ERROR.ordinal());
        constants.put("CLOCK_REALTIME", 0);
        return constants;
    }

    @Test
    void membersSitWhereGlibcPutsThem() throws Exception {
        Map<String, Long> javaLayout = new LinkedHashMap<>();
        javaLayout.put("sizeof", TimexLayout.TIMEX.byteSize());
        for (String member : MEMBERS) {
            javaLayout.put(member, TimexLayout.offsetOf(member));
        }

        assertThat(javaLayout).isEqualTo(runC(layoutProgram()));
    }

    @Test
    void constantsMatchGlibcHeaders() throws Exception {
        Map<String, Long> javaConstants = new LinkedHashMap<>();
        CONSTANTS.forEach((name, value) -> javaConstants.put(name, (long) value));

        assertThat(javaConstants).isEqualTo(runC(constantsProgram()));
    }

    private static String layoutProgram() {
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/timex.h>
                int main(void) {
                    printf("sizeof %zu\\n", sizeof(struct timex));
                """);
        for (String member : MEMBERS) {
            c.append("    printf(\"%s %%zu\\n\", offsetof(struct timex, %s));\n".formatted(member, member));
        }
        return c.append("    return 0;\n}\n").toString();
    }

    private static String constantsProgram() {
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <time.h>
                #include <sys/timex.h>
                int main(void) {
                """);
        for (String name : CONSTANTS.keySet()) {
            c.append("    printf(\"%s %%ld\\n\", (long) %s);\n".formatted(name, name));
        }
        return c.append("    return 0;\n}\n").toString();
    }

    /** Compiles and runs a C program printing "name value" lines; skips the test without gcc. */
    private Map<String, Long> runC(String source) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not installed");
        Path c = Files.writeString(dir.resolve("probe.c"), source);
        Path binary = dir.resolve("probe");
        run(List.of("gcc", "-o", binary.toString(), c.toString()));
        Map<String, Long> printed = new LinkedHashMap<>();
        for (String line : run(List.of(binary.toString())).strip().split("\n")) {
            String[] nameAndValue = line.split(" ");
            printed.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
        }
        return printed;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
