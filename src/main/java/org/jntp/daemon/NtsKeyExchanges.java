package org.jntp.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jntp.config.Association;
import org.jntp.config.NtsSettings;
import org.jntp.config.RefclockAddress;
import org.jntp.config.ServerAddress;
import org.jntp.nts.KeResult;
import org.jntp.nts.SessionKeys;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;
import org.jntp.server.access.AddressFamily;

/**
 * The NTS-KE exchanges of the {@code nts} sources (RFC 8915 §4), each on a virtual thread of its
 * own, off the client thread, as a TLS handshake can take seconds. The exchange goes to the line's
 * host at the line's port ({@code HOST:PORT}, as NTPsec writes it), else at the {@code nts port}
 * (4460 unless set); its keys, cookies and the NTP server it names (the host itself by default),
 * resolved, are handed over; {@code -4} or {@code -6} on the line holds both lookups to that
 * family. One that fails is tried again after {@link #FIRST_RETRY_NANOS}, doubling up to
 * {@link #MAX_RETRY_NANOS}, and logged only when its reason changes. Each exchange counts as good
 * or bad (NTPsec's {@code nts_ke_probes_*}).
 */
final class NtsKeyExchanges {
    static final long FIRST_RETRY_NANOS = 2_000_000_000L;
    static final long MAX_RETRY_NANOS = 600_000_000_000L;

    /**
     * An exchange done.
     *
     * @param association   the line it was for
     * @param associationId the core's association it rekeys; empty for the first exchange of a line
     * @param ntpServer     where to send the NTP requests
     */
    record Keyed(Association association, OptionalInt associationId, InetSocketAddress ntpServer, SessionKeys keys,
            List<byte[]> cookies) {}

    private final NtsSettings settings;
    private final Optional<AddressFamily> commandLineFamily;
    private final FamilyLookup lookup = FamilyLookup.system();
    private final Consumer<Keyed> deliver;
    private final SharedCounters counters;
    private final EventLog log;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * @param commandLineFamily {@code ntpd -4} or {@code -6}: the family of a line that names none
     * @param deliver called on an exchange's thread; must not block
     */
    NtsKeyExchanges(NtsSettings settings, Optional<AddressFamily> commandLineFamily, Consumer<Keyed> deliver,
            SharedCounters counters, EventLog log) {
        this.settings = settings;
        this.commandLineFamily = commandLineFamily;
        this.deliver = deliver;
        this.counters = counters;
        this.log = log;
    }

    /** Starts exchanging keys for {@code association} until one exchange succeeds or {@link #stop} is called. */
    void start(Association association, OptionalInt associationId) {
        if (stopped) {
            return;
        }
        Thread thread = Thread.ofVirtual().name("ntpd-nts-ke").unstarted(() -> {
            try {
                exchangeUntilKeyed(association, associationId);
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(thread);
        thread.start();
    }

    /** Ends every exchange under way; an exchange in the middle of its TLS dialogue ends at its timeout at worst. */
    void stop() {
        stopped = true;
        running.forEach(Thread::interrupt);
    }

    private void exchangeUntilKeyed(Association association, OptionalInt associationId) {
        String line = association.type().keyword() + " " + association.address();
        long retryNanos = FIRST_RETRY_NANOS;
        Optional<String> lastFailure = Optional.empty();
        while (!stopped) {
            Optional<String> failure = exchangeOnce(association, associationId, line);
            counters.increment(failure.isEmpty() ? Counter.NTS_KE_CLIENT_GOOD : Counter.NTS_KE_CLIENT_BAD);
            if (failure.isEmpty()) {
                return;
            }
            if (!failure.equals(lastFailure)) {
                log.info(line + ": " + failure.get() + "; trying again from time to time (logged once)");
                lastFailure = failure;
            }
            try {
                Thread.sleep(retryNanos / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            }
            retryNanos = Math.min(retryNanos * 2, MAX_RETRY_NANOS);
        }
    }

    /** One exchange, its keys handed over; the reason it failed otherwise. */
    private Optional<String> exchangeOnce(Association association, OptionalInt associationId, String line) {
        String host = host(association);
        Optional<AddressFamily> family = family(association);
        InetAddress keServer;
        switch (lookup.lookup(host, family)) {
            case HostLookup.Result.Found found -> keServer = found.addresses().getFirst();
            case HostLookup.Result.Failed failed -> {
                return Optional.of("NTS-KE: " + failed.reason());
            }
        }
        int port = association.options().ntsKePort().orElse(settings.kePort());
        KeResult result;
        try {
            result = NtsKeClient.forSource(association.options(), settings).exchange(host,
                    new InetSocketAddress(keServer, port));
        } catch (IOException e) {
            return Optional.of("NTS-KE: cannot use the CA certificates: " + e.getMessage());
        }
        return switch (result) {
            case KeResult.Established established -> switch (lookup.lookup(established.ntpServer(), family)) {
                case HostLookup.Result.Failed failed -> Optional.of("NTS-KE names NTP server " + failed.reason());
                case HostLookup.Result.Found found -> {
                    InetAddress server = found.addresses().getFirst();
                    log.info(line + ": NTS-KE done, " + established.cookies().size() + " cookies, NTP server "
                            + AddressText.of(server) + " port " + established.ntpPort());
                    deliver.accept(new Keyed(association, associationId,
                            new InetSocketAddress(server, established.ntpPort()), established.keys(),
                            established.cookies()));
                    yield Optional.empty();
                }
            };
            case KeResult.Refused refused -> Optional.of("NTS-KE refused with error code " + refused.errorCode());
            case KeResult.Failed failed -> Optional.of(failed.reason());
        };
    }

    /** The host of a server or pool line, its name or its address as text. */
    private static String host(Association association) {
        return switch (association.address()) {
            case ServerAddress.HostName name -> name.name();
            case ServerAddress.Literal literal -> literal.address().toString();
            case RefclockAddress refclock -> throw new IllegalArgumentException("no NTS for a reference clock");
        };
    }

    /**
     * The family -4/-6 on the line allows, else the command line's, for the NTS-KE server and for
     * the NTP server it names; the parser already refused a numeric address of the line's other
     * family, and the source plan one of the command line's, so a numeric one asks none.
     */
    private Optional<AddressFamily> family(Association association) {
        return switch (association.address()) {
            case ServerAddress.HostName name -> name.family().or(() -> commandLineFamily);
            case ServerAddress.Literal literal -> Optional.empty();
            case RefclockAddress refclock -> Optional.empty();
        };
    }
}
