package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jntp.config.NtsSettings;
import org.jntp.nts.KeResponder;
import org.jntp.nts.KeResult;
import org.jntp.nts.MasterKeyRing;
import org.jntp.server.SharedCounters;

/**
 * The NTS server side of {@code nts enable}: the master keys cookies are sealed with, rotated daily
 * and kept in the {@code nts cookie} file, and an NTS-KE server on each address the daemon serves
 * NTP on. The NTP server opens cookies with {@link #masterKeys()}.
 */
public final class NtsService implements AutoCloseable {
    /** The NTP port clients assume when the NTS-KE server names none (RFC 8915 §4.1.8). */
    private static final int NTP_PORT = 123;

    private final NtsMasterKeys keys;
    private final List<NtsKeServer> servers;
    private final SharedCounters counters;
    private final EventLog log;

    private NtsService(NtsMasterKeys keys, List<NtsKeServer> servers, SharedCounters counters, EventLog log) {
        this.keys = keys;
        this.servers = servers;
        this.counters = counters;
        this.log = log;
    }

    /**
     * Reads the certificate, key and master keys and binds the NTS-KE port on each address, before
     * the daemon drops privileges; empty without {@code nts enable}, or when {@code nts cert} or
     * {@code nts key} is missing, which is logged, as NTPsec does.
     *
     * @param ntpAddresses the addresses NTP is served on
     * @param ntpPort the UDP port NTP is served on, named to clients when it is not 123
     * @throws IOException when the certificate, key or master keys file cannot be used, or no
     *                     address can be bound
     */
    static Optional<NtsService> open(NtsSettings settings, List<InetSocketAddress> ntpAddresses, int ntpPort,
            EventLog log) throws IOException {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        if (settings.certFile().isEmpty() || settings.keyFile().isEmpty()) {
            log.info("NTS-KE server not started: nts enable needs nts cert FILE and nts key FILE");
            return Optional.empty();
        }
        SSLContext context = NtsCredentials.serverContext(Path.of(settings.certFile().get()),
                Path.of(settings.keyFile().get()));
        SecureRandom random = new SecureRandom();
        NtsMasterKeys keys = masterKeys(settings, random, log);
        KeResponder responder = new KeResponder(Optional.empty(),
                ntpPort == NTP_PORT ? OptionalInt.empty() : OptionalInt.of(ntpPort));
        List<NtsKeServer> servers = new ArrayList<>();
        SharedCounters counters = new SharedCounters();
        for (InetSocketAddress address : ntpAddresses) {
            InetSocketAddress keAddress = new InetSocketAddress(address.getAddress(), settings.kePort());
            try {
                servers.add(NtsKeServer.bind(context, keAddress, settings.tlsCipherSuites(), responder, keys, random,
                        counters, log));
            } catch (IOException e) {
                log.info("NTS-KE server cannot listen on " + keAddress + ": " + e.getMessage());
            }
        }
        if (servers.isEmpty()) {
            throw new IOException("NTS-KE server: no address to listen on at port " + settings.kePort()
                    + "; free the port, choose another with \"nts port\", or remove \"nts enable\"");
        }
        return Optional.of(new NtsService(keys, List.copyOf(servers), counters, log));
    }

    private static NtsMasterKeys masterKeys(NtsSettings settings, SecureRandom random, EventLog log)
            throws IOException {
        if (settings.cookieFile().isEmpty()) {
            log.info("NTS master keys kept in memory: clients re-key after a restart;"
                    + " keep them with \"nts cookie /var/lib/ntp/nts-keys\"");
            return NtsMasterKeys.inMemory(MasterKeyRing.DEFAULT_ROTATION_SECONDS, NtsService::wallSeconds, random,
                    log);
        }
        return NtsMasterKeys.open(Path.of(settings.cookieFile().get()), MasterKeyRing.DEFAULT_ROTATION_SECONDS,
                NtsService::wallSeconds, random, log);
    }

    /** The system clock, which dates master keys across restarts; rotation needs no more precision. */
    private static long wallSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * Starts answering NTS-KE requests, and warms the TLS and cookie code up with one exchange of
     * the first server with itself, off the caller's thread ({@link NtsKeServer#warmUp}).
     */
    void serve() {
        servers.forEach(NtsKeServer::serve);
        Thread.ofVirtual().name("nts-ke-warm-up").start(() -> {
            if (servers.getFirst().warmUp() instanceof KeResult.Failed(String reason)) {
                log.debug(1, "NTS-KE warm-up exchange failed: " + reason);
            }
        });
    }

    /** The master keys now, rotated when due: what NTS cookies are sealed and opened with. */
    public Supplier<MasterKeyRing> masterKeys() {
        return keys;
    }

    /**
     * The NTS-KE exchanges served and the cookies they carried, the warm-up exchange with itself
     * included; safe to read from any thread.
     */
    SharedCounters counters() {
        return counters;
    }

    /** The TCP addresses NTS-KE is served on. */
    List<InetSocketAddress> keAddresses() {
        return servers.stream().map(NtsKeServer::address).toList();
    }

    @Override
    public void close() {
        for (NtsKeServer server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                // closing a listening socket at shutdown: nothing more to do
            }
        }
    }
}
