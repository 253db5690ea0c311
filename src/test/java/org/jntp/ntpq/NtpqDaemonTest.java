package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.Daemon;
import org.jntp.daemon.EventLog;
import org.jntp.daemon.TestLogs;
import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our ntpq's {@code mrulist} and {@code cv} against our daemon on loopback, over real sockets. */
class NtpqDaemonTest {
    private static final long AWAIT_MILLIS = 30_000;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5_000;
    private static final String CONFIG = """
            server 127.127.1.0
            fudge 127.127.1.0 stratum 8
            interface ignore ipv6
            interface ignore ipv4
            interface listen 127.0.0.1
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final EventLog log = TestLogs.silent();

    private static NtpConfig config() {
        return config(CONFIG);
    }

    private static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "test.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    private static int freePort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    private static Daemon synchronisedDaemon(int port, EventLog log) throws Exception {
        Daemon daemon = Daemon.start(config(), new SoftwareClock.Spec(0, 0).over(KernelClock.open()), port, log);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        while (daemon.systemVariables().leap() == LeapIndicator.UNSYNCHRONIZED && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        return daemon;
    }

    /** A client's request (mode 3, version 4) from {@code socket}, and the daemon's answer to it. */
    private static void askTheTime(DatagramSocket socket, int port) throws Exception {
        byte[] request = new byte[48];
        request[0] = 0x23;
        socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        socket.send(new DatagramPacket(request, request.length, new InetSocketAddress("127.0.0.1", port)));
        socket.receive(new DatagramPacket(new byte[48], 48));
    }

    private void ntpq(String... args) {
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, UdpControlTransport::open, NtpqEnvironment.Resolver.system(), HostNames.system(), Instant::now,
                () -> ZoneOffset.UTC);
        NtpqShell.run(List.of(args), env, "jntp test");
    }

    @Test
    void mrulistShowsAClientThatAskedTheTime() throws Exception {
        int port = freePort();
        try (Daemon daemon = synchronisedDaemon(port, log);
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            askTheTime(client, port);

            ntpq("-n", "-c", "mrulist", "127.0.0.1:" + port);

            assertThat(out().lines().limit(2)).containsExactly("lstint avgint rstr r m v  count rport remote address",
                    "=".repeat(78));
            assertThat(out().lines()).anyMatch(line -> line.matches(
                    " +\\d+ +\\d+ +[0-9a-f]+ [.LK] 3 4 +1 +" + client.getLocalPort() + " 127\\.0\\.0\\.1"));
            assertThat(err()).startsWith("\rRetrieved ");
        }
    }

    @Test
    void peersShowTheLocalClockPolledAtTheMinpollOfItsLine() throws Exception {
        int port = freePort();
        NtpConfig config = config(CONFIG.replace("server 127.127.1.0", "server 127.127.1.0 minpoll 10"));
        try (Daemon daemon = Daemon.start(config, new SoftwareClock.Spec(0, 0).over(KernelClock.open()), port, log)) {
            ntpq("-p", "127.0.0.1:" + port);

            assertThat(out().lines()).anyMatch(line -> line.matches(".LOCAL\\(0\\) +\\S+ +8 l +\\S+ +1024 +1 .*"));
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void clockvarShowsTheLocalClocksVariables() throws Exception {
        int port = freePort();
        try (Daemon daemon = synchronisedDaemon(port, log)) {
            ntpq("-c", "cv 1", "127.0.0.1:" + port);

            assertThat(out()).startsWith("associd=1 status=0000 clk_unspec, last_clk_unspec,\n");
            assertThat(out()).contains("device=\"Undisciplined local clock\"");
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void savesTheConfigurationWithWhatConfigAddedAndNamesTheFileInRv(@TempDir Path directory) throws Exception {
        Path keys = directory.resolve("ntp.keys");
        Files.writeString(keys, "1 SHA1 controlsecret\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        Path saved = Files.createDirectory(directory.resolve("saved"));
        NtpConfig config = switch (ConfigParser.parse(CONFIG + "keys " + keys + "\ntrustedkey 1\ncontrolkey 1\n"
                + "saveconfigdir " + saved + "\nsetvar site = lab default\n", "test.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
        int port = freePort();
        try (Daemon daemon = Daemon.start(config, new SoftwareClock.Spec(0, 0).over(KernelClock.open()), port, log)) {
            ntpq("-c", "keytype sha1", "-c", "keyid 1", "-c", "passwd controlsecret",
                    "-c", ":config server 192.0.2.7 iburst", "-c", "saveconfig saved.conf",
                    "-c", "rv 0 savedconfig,site", "127.0.0.1:" + port);

            assertThat(out()).contains("Config Succeeded\n", "Configuration saved to 'saved.conf'\r\n",
                    "site=lab, savedconfig=saved.conf");
            assertThat(Files.readAllLines(saved.resolve("saved.conf"))).contains("server 127.127.1.0",
                    "setvar site = lab default", "# applied at run time", "server 192.0.2.7 iburst");
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
