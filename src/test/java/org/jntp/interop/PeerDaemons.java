package org.jntp.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jntp.daemon.net.UdpSocket;

/**
 * chronyd, NTPsec's ntpd and our own bin/ntpd, started in one network namespace of their own by
 * the start scripts in {@code scripts/peers} (clock control off, no CAP_SYS_TIME) and stopped by
 * pid. Closing it stops whatever still runs and deletes the namespace, also when a test failed;
 * a JVM that ends without closing it does the same from a shutdown hook.
 */
final class PeerDaemons implements AutoCloseable {
    /** bin/ntpd may start a JVM, chronyd and NTPsec start in well under a second. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** A daemon nobody stops (a killed test JVM) ends by itself after this. */
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Path home;
    private final Netns netns;
    private final Path runDir;
    private final List<Daemon> started = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "jntp-interop-cleanup");
    private boolean closed;

    private PeerDaemons(Path home, Netns netns, Path runDir) {
        this.home = home;
        this.netns = netns;
        this.runDir = runDir;
    }

    /** A fresh namespace named for its purpose (lower-case letters and digits: it becomes part of a name). */
    static PeerDaemons inNewNamespace(String purpose) {
        Path home = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath();
        Netns netns = Netns.create(home.resolve("scripts/peers"), purpose);
        try {
            PeerDaemons peers = new PeerDaemons(home, netns, Files.createTempDirectory("jntp-interop-"));
            Runtime.getRuntime().addShutdownHook(peers.shutdownHook);
            return peers;
        } catch (IOException e) {
            netns.close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * bin/ntpd run once, with a bad flag, in a namespace of its own: its launcher links the trimmed
     * runtime on first use, which a test does before anything it times. The usage error (exit 2) is
     * the expected outcome.
     */
    static CommandResult linkTheDaemonsRuntime() {
        try (PeerDaemons setup = inNewNamespace("runtime")) {
            return setup.netns().run(Duration.ofMinutes(3), setup.home.resolve("bin/ntpd").toString(), "-Z");
        }
    }

    Netns netns() {
        return netns;
    }

    /** chronyd serving its own clock at stratum 8 ({@code local stratum 8}) on address:123. */
    Daemon chronydServer(String address) {
        return start("start-chrony-server.sh", "chronyd-server", Map.of(), address);
    }

    /** As {@link #chronydServer(String)}, with lines added to its chrony.conf ({@code keyfile}, an NTS-KE server's). */
    Daemon chronydServer(String address, String extraConf) {
        return start("start-chrony-server.sh", "chronyd-server", Map.of("EXTRA_CONF", extraConf), address);
    }

    /**
     * As {@link #chronydClient(String, int, String)}, with lines added to its chrony.conf
     * ({@code keyfile}, {@code ntstrustedcerts}).
     */
    Daemon chronydClient(String server, int pollLog2, String serverOptions, String extraConf) {
        return start("start-chrony-client.sh", "chronyd-client", Map.of("POLL", Integer.toString(pollLog2),
                "SERVER_OPTIONS", serverOptions, "EXTRA_CONF", extraConf), server);
    }

    /** chronyd ({@code -x}) as a client of server:123, polling every 2^pollLog2 s with iburst. */
    Daemon chronydClient(String server, int pollLog2) {
        return chronydClient(server, pollLog2, "");
    }

    /** As {@link #chronydClient(String, int)}, with options added to its server line ({@code xleave}). */
    Daemon chronydClient(String server, int pollLog2, String serverOptions) {
        return start("start-chrony-client.sh", "chronyd-client",
                Map.of("POLL", Integer.toString(pollLog2), "SERVER_OPTIONS", serverOptions), server);
    }

    /** NTPsec's ntpd as an orphan at stratum 8 on address:123 (one of netns.sh's addresses). */
    Daemon ntpsecServer(String address) {
        return start("start-ntpsec-server.sh", "ntpsec-server", Map.of(), address);
    }

    /** As {@link #ntpsecServer(String)}, with lines added to its ntp.conf ({@code keys}, {@code trustedkey}). */
    Daemon ntpsecServer(String address, String extraConf) {
        return start("start-ntpsec-server.sh", "ntpsec-server", Map.of("EXTRA_CONF", extraConf), address);
    }

    /**
     * As {@link #ntpsecClient(String)}, with options added to its server line ({@code key 1}) and
     * lines to its ntp.conf ({@code keys}, {@code trustedkey}).
     */
    Daemon ntpsecClient(String server, String serverOptions, String extraConf) {
        return start("start-ntpsec-client.sh", "ntpsec-client",
                Map.of("SERVER_OPTIONS", serverOptions, "EXTRA_CONF", extraConf), server);
    }

    /**
     * NTPsec's ntpd as a client of server:123 (a 192.0.2.x address: NTPsec refuses 127.0.0.x but
     * 127.0.0.1), answering ntpq and ntpstat on 127.0.0.1; it selects its source but never sets the clock.
     */
    Daemon ntpsecClient(String server) {
        return start("start-ntpsec-client.sh", "ntpsec-client", Map.of(), server);
    }

    /** Our bin/ntpd serving its local clock at stratum 8 on address:123, with extra ntpd arguments. */
    Daemon jntp(String address, String... ntpdArgs) {
        return start("start-jntp.sh", "jntp", Map.of(), address, ntpdArgs);
    }

    /** As {@link #jntp(String, String...)}, with variables added to its environment ({@code NOTIFY_SOCKET}). */
    Daemon jntpWithEnvironment(String address, Map<String, String> environment, String... ntpdArgs) {
        return start("start-jntp.sh", "jntp", environment, address, ntpdArgs);
    }

    /**
     * Our bin/ntpd as a client of the servers that {@code sources} (ntp.conf lines) name, serving
     * what it synchronises to on address:123, without a local clock, with extra ntpd arguments.
     */
    Daemon jntpClient(String address, String sources, String... ntpdArgs) {
        return start("start-jntp.sh", "jntp", Map.of("JNTP_LOCAL_STRATUM", "", "JNTP_SOURCES", sources), address,
                ntpdArgs);
    }

    /**
     * A {@link LossyRelay} on address:123 forwarding to server:123 and back, losing each datagram
     * with probability lossProbability, its losses drawn from seed.
     */
    Daemon lossyRelay(String address, String server, double lossProbability, long seed) {
        String classpath = classesOf(LossyRelay.class) + File.pathSeparator + classesOf(UdpSocket.class);
        String java = Path.of(System.getProperty("java.home"), "bin/java").toString();
        Map<String, String> environment = Map.of("JAVA", java, "RELAY_CLASSPATH", classpath);
        return start("start-relay.sh", "relay", environment, address, server, Double.toString(lossProbability),
                Long.toString(seed));
    }

    /** The directory or jar {@code type} was loaded from. */
    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Daemon start(String script, String kind, Map<String, String> environment,
            String address, String... extraArgs) {
        String name = kind + "-" + (started.size() + 1);
        List<String> args = new ArrayList<>(List.of(address, name));
        args.addAll(List.of(extraArgs));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PEERS_RUN", runDir.toString());
        env.put("PEERS_LIFETIME_S", Long.toString(LIFETIME.toSeconds()));
        env.put("JNTP_HOME", home.toString());
        CommandResult result = netns.script(START_TIMEOUT, env, script, args.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new IllegalStateException("cannot start " + name + "\n" + result.describe());
        }
        Daemon daemon = new Daemon(name, Long.parseLong(result.stdout().strip()), runDir.resolve(name));
        started.add(daemon);
        return daemon;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        started.reversed().forEach(Daemon::stop);
        netns.close();
        deleteRecursively(runDir);
        if (Thread.currentThread() != shutdownHook) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
