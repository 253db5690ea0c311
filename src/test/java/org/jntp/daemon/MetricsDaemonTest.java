package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.daemon.Loopback.LISTEN_LOOPBACK;
import static org.jntp.daemon.Loopback.await;
import static org.jntp.daemon.Loopback.config;
import static org.jntp.daemon.Loopback.freePort;
import static org.jntp.daemon.Loopback.freeTcpPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.metrics.PrometheusText;
import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint of daemons on loopback, scraped over HTTP. */
class MetricsDaemonTest {
    private static final long AWAIT_MILLIS = 30_000;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOCAL_CLOCK = "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n";

    private static Clock system;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    @BeforeAll
    static void openTheSystemClock() {
        system = KernelClock.open();
    }

    @Test
    void servesTheStateOfADaemonSynchronisedToItsLocalClock() throws Exception {
        int metricsPort = freeTcpPort();
        try (Daemon daemon = startWithMetrics(metricsPort, freePort())) {
            await(daemon, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);

            HttpResponse<String> response = get(metricsPort, "/metrics");
            PrometheusText.Scrape scrape = PrometheusText.parse(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.value("ntp_system_synchronized")).isEqualTo(1);
            assertThat(scrape.value("ntp_system_stratum")).isEqualTo(8);
            assertThat(scrape.value("ntp_source_selection", "source", "127.127.1.0", "state", "sys_peer"))
                    .isEqualTo(1);
            assertThat(scrape.value("ntp_source_reach", "source", "127.127.1.0")).isPositive();
        }
    }

    @Test
    void countsTheRequestsTheDaemonAnswered() throws Exception {
        int metricsPort = freeTcpPort();
        int port = freePort();
        try (Daemon daemon = startWithMetrics(metricsPort, port)) {
            await(daemon, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);
            askTheTime(port);

            PrometheusText.Scrape scrape = awaitAnswered(metricsPort);

            assertThat(scrape.value("ntp_server_answered_packets_total")).isEqualTo(1);
            assertThat(scrape.value("ntp_server_received_packets_total")).isEqualTo(1);
            assertThat(scrape.value("ntp_server_dropped_packets_total", "reason", "bad_format")).isZero();
        }
    }

    @Test
    void answersNotFoundOutsideTheMetricsPath() throws Exception {
        int metricsPort = freeTcpPort();
        try (Daemon daemon = startWithMetrics(metricsPort, freePort())) {
            assertThat(get(metricsPort, "/").statusCode()).isEqualTo(404);
            assertThat(get(metricsPort, "/metrics/x").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answersHeadWithTheHeadersAlone() throws Exception {
        int metricsPort = freeTcpPort();
        try (Daemon daemon = startWithMetrics(metricsPort, freePort())) {
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri(metricsPort, "/metrics"))
                    .timeout(HTTP_TIMEOUT).HEAD().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        int metricsPort = freeTcpPort();
        try (Daemon daemon = startWithMetrics(metricsPort, freePort())) {
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(metricsPort, "/metrics"))
                    .timeout(HTTP_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        }
    }

    @Test
    void listensOnTheConfiguredAddressOnly() throws Exception {
        int metricsPort = freeTcpPort();
        Set<Integer> before = listeningTcpPorts();
        try (Daemon daemon = startWithMetrics(metricsPort, freePort())) {
            Set<Integer> opened = listeningTcpPorts();
            opened.removeAll(before);

            assertThat(daemon.metricsAddress()).contains(new InetSocketAddress("127.0.0.1", metricsPort));
            assertThat(opened).containsExactly(metricsPort);
        }
    }

    @Test
    void listensForNoScrapeWithoutTheDirective() throws Exception {
        Set<Integer> before = listeningTcpPorts();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + LISTEN_LOOPBACK),
                new SoftwareClock.Spec(0, 0).over(system), freePort(), log)) {
            Set<Integer> opened = listeningTcpPorts();
            opened.removeAll(before);

            assertThat(daemon.metricsAddress()).isEmpty();
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void keepsTimeWithoutMetricsWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Daemon daemon = startWithMetrics(taken.getLocalPort(), freePort())) {
            await(daemon, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);

            assertThat(daemon.metricsAddress()).isEmpty();
            assertThat(logged.toString(StandardCharsets.UTF_8))
                    .contains("metrics: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** A daemon on loopback serving its local clock, and metrics on 127.0.0.1:metricsPort. */
    private Daemon startWithMetrics(int metricsPort, int port) throws IOException {
        return Daemon.start(config(LOCAL_CLOCK + LISTEN_LOOPBACK + "metrics 127.0.0.1:" + metricsPort),
                new SoftwareClock.Spec(0, 0).over(system), port, log);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(port, path)).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Scrapes until the daemon's answer to {@link #askTheTime} is counted, for at most the await time. */
    private PrometheusText.Scrape awaitAnswered(int metricsPort) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        PrometheusText.Scrape scrape = PrometheusText.parse(get(metricsPort, "/metrics").body());
        while (scrape.value("ntp_server_answered_packets_total") == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            scrape = PrometheusText.parse(get(metricsPort, "/metrics").body());
        }
        return scrape;
    }

    /** One client (mode 3) request, answered. */
    private static void askTheTime(int port) throws IOException {
        byte[] request = new byte[48];
        request[0] = 0x23;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout((int) HTTP_TIMEOUT.toMillis());
            socket.send(new DatagramPacket(request, request.length, new InetSocketAddress("127.0.0.1", port)));
            socket.receive(new DatagramPacket(new byte[48], 48));
        }
    }

    /** A TCP port free on 127.0.0.1 a moment ago. */
    /** The ports of this process's listening TCP sockets, from /proc: its socket inodes in the LISTEN state. */
    private static Set<Integer> listeningTcpPorts() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // a descriptor closed while listing is no listener
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean listening = fields[3].equals("0A");
                if (listening && inodes.contains(fields[9])) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
