package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntpq's :config and config-from-file: signed CONFIGURE requests and ntpd's answers shown as ntpq shows them. */
class NtpqConfigTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Refuses "restrict" at column 1 as jntp does, succeeds otherwise. */
    private static List<byte[]> daemon(ControlRequest request) {
        String text = new String(request.data(), StandardCharsets.ISO_8859_1);
        String reply = text.startsWith("restrict") ? "column 1 syntax error, \"restrict\" is not changed at run time"
                : text.startsWith("server 192.0.2.1 ib") && !text.endsWith("iburst") ? "column 18 syntax error, server: unknown"
                : "Config Succeeded";
        return ControlResponses.binary(request.header(), LeapIndicator.NO_WARNING, 0x0615,
                reply.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void run(FakeServer server, String... commands) {
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                false, server, name -> List.of(), a -> "name.example", () -> Instant.EPOCH, () -> ZoneOffset.UTC);
        List<String> args = new ArrayList<>(List.of("-c", "keyid 1", "-c", "passwd secret"));
        for (String command : commands) {
            args.add("-c");
            args.add(command);
        }
        args.add("127.0.0.1");
        NtpqShell.run(args, env, "jntp test");
    }

    /** What the commands printed, after the blank lines ntpq prints between the -c commands giving the key. */
    private String out() {
        return out.toString(StandardCharsets.UTF_8).replaceFirst("^\n\n", "");
    }

    @Test
    void configSendsTheRestOfTheLineSignedAndPrintsTheAnswer() {
        FakeServer server = FakeServer.answering(NtpqConfigTest::daemon);

        run(server, ":config server 192.0.2.1 iburst");

        assertThat(out()).isEqualTo("Config Succeeded\n");
        ControlRequest request = server.requests().getLast();
        assertThat(request.opcode()).isEqualTo(ControlOpcode.CONFIGURE);
        assertThat(request.text()).isEqualTo("server 192.0.2.1 iburst");
        assertThat(request.mac()).isPresent();
    }

    @Test
    void configMarksTheColumnOfASyntaxErrorUnderTheCommand() {
        run(FakeServer.answering(NtpqConfigTest::daemon), ":config server 192.0.2.1 ibrst");

        assertThat(out()).isEqualTo("server 192.0.2.1 ibrst\n"
                + "__________________^\n"
                + "column 18 syntax error, server: unknown\n");
    }

    @Test
    void configFromFileSendsEachLineWithoutItsCommentAndNumbersTheAnswers() throws IOException {
        Path file = directory.resolve("add.conf");
        Files.writeString(file, "# new sources\nserver 192.0.2.1 iburst   # the lab\n\nrestrict default\n");
        FakeServer server = FakeServer.answering(NtpqConfigTest::daemon);

        run(server, "config-from-file " + file);

        assertThat(out()).isEqualTo("Sending configuration file, one line at a time.\n"
                + "Line No: 2 Config Succeeded: server 192.0.2.1 iburst\n"
                + "Line No: 4 column 1 syntax error, \"restrict\" is not changed at run time: restrict default\n"
                + "Done sending file\n");
        assertThat(server.requests()).extracting(ControlRequest::text)
                .containsExactly("server 192.0.2.1 iburst", "restrict default");
    }

    @Test
    void configFromFileSaysWhenItCannotOpenTheFile() {
        run(FakeServer.silent(), "config-from-file " + directory.resolve("absent.conf"));

        assertThat(out()).isEqualTo("ERROR!! Couldn't open file: " + directory.resolve("absent.conf") + "\n");
    }
}
