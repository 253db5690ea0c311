package org.jntp.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jntp.config.MetricsEndpoint;
import org.jntp.metrics.NtpMetrics;

/**
 * The Prometheus endpoint of the {@code metrics} directive: the JDK's HTTP server, bound to the
 * configured address only, answering {@code GET /metrics} (and {@code HEAD}) with the page built
 * when asked, 405 to other methods there and 404 elsewhere. It has no executor, so the server's
 * one dispatcher thread answers too: it sleeps until a scrape arrives, and a page is small enough
 * to go out without waiting on the scraper. The JDK's server sets no limit on how long a request
 * may take, so a client that starts one and stalls holds up later scrapes (never the time service):
 * bind the endpoint to an address only Prometheus reaches.
 */
final class MetricsServer implements AutoCloseable {
    static final String PATH = "/metrics";

    private final HttpServer server;
    private final Supplier<String> page;

    private MetricsServer(HttpServer server, Supplier<String> page) {
        this.server = server;
        this.page = page;
    }

    /**
     * Starts serving.
     *
     * @param page the page as of now, built for each scrape
     * @throws IOException when the address cannot be bound
     */
    static MetricsServer start(MetricsEndpoint endpoint, Supplier<String> page) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(endpoint.address().inetAddress(), endpoint.port()), 0);
        MetricsServer metrics = new MetricsServer(server, page);
        server.createContext("/", metrics::answer);
        server.start();
        return metrics;
    }

    /** The address and port served. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (!head && !exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", NtpMetrics.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Stops listening and closes every connection at once: a scrape in progress is cut off. */
    @Override
    public void close() {
        server.stop(0);
    }
}
