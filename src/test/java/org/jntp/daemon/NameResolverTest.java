package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jntp.config.Association;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.server.access.AddressFamily;
import org.junit.jupiter.api.Test;

class NameResolverTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0);
    private final List<NameResolver.News> delivered = new ArrayList<>();
    private final AtomicLong monoNanos = new AtomicLong();

    private static ResolveSchedule.Name name(String host, Optional<AddressFamily> family) {
        return name(AssociationType.POOL, host, family);
    }

    private static ResolveSchedule.Name name(AssociationType type, String host, Optional<AddressFamily> family) {
        ServerAddress.HostName address = new ServerAddress.HostName(host, family);
        return new ResolveSchedule.Name(new Association(type, address, AssociationOptions.none()), address);
    }

    private NameResolver resolver(ResolveSchedule.Name name, HostLookup lookup, Optional<AddressFamily> family) {
        return new NameResolver(new ResolveSchedule(List.of(name), 0), lookup, family, delivered::add, log,
                monoNanos::get);
    }

    private static HostLookup answering(Map<String, List<String>> addresses) {
        return host -> {
            List<String> found = addresses.get(host);
            if (found == null) {
                return new HostLookup.Result.Failed("no such host");
            }
            return new HostLookup.Result.Found(found.stream().map(NameResolverTest::literal).toList());
        };
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void handsOverEveryAddressANameResolvedTo() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        NameResolver resolver = resolver(pool,
                answering(Map.of("pool.example.net", List.of("192.0.2.1", "2001:db8::1"))), Optional.empty());

        resolver.lookUpDue();

        assertThat(delivered).containsExactly(new NameResolver.News.Resolved(pool.association(),
                List.of(literal("192.0.2.1"), literal("2001:db8::1"))));
    }

    @Test
    void keepsOnlyTheFamilyTheLineAsksFor() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.of(AddressFamily.IPV6));
        NameResolver resolver = resolver(pool,
                answering(Map.of("pool.example.net", List.of("192.0.2.1", "2001:db8::1"))), Optional.empty());

        resolver.lookUpDue();

        assertThat(delivered).containsExactly(new NameResolver.News.Resolved(pool.association(),
                List.of(literal("2001:db8::1"))));
    }

    @Test
    void keepsOnlyTheFamilyTheCommandLineAsksFor() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        NameResolver resolver = resolver(pool,
                answering(Map.of("pool.example.net", List.of("192.0.2.1", "2001:db8::1"))),
                Optional.of(AddressFamily.IPV4));

        resolver.lookUpDue();

        assertThat(delivered).containsExactly(new NameResolver.News.Resolved(pool.association(),
                List.of(literal("192.0.2.1"))));
    }

    @Test
    void takesANameWithoutAnAddressOfTheFamilyAsNotResolved() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        NameResolver resolver = resolver(pool, answering(Map.of("pool.example.net", List.of("192.0.2.1"))),
                Optional.of(AddressFamily.IPV6));

        resolver.lookUpDue();

        assertThat(delivered).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("cannot resolve (no usable address");
    }

    @Test
    void triesAFailedNameAgainOnceItsRetryIsDue() {
        ResolveSchedule.Name pool = name("late.example.net", Optional.empty());
        Map<String, List<String>> dns = new HashMap<>();
        NameResolver resolver = resolver(pool, answering(dns), Optional.empty());
        resolver.lookUpDue();
        dns.put("late.example.net", List.of("192.0.2.7"));

        monoNanos.set(ResolveSchedule.FIRST_RETRY_NANOS - 1);
        resolver.lookUpDue();
        boolean beforeRetry = delivered.isEmpty();
        monoNanos.set(ResolveSchedule.FIRST_RETRY_NANOS);
        resolver.lookUpDue();

        assertThat(beforeRetry).isTrue();
        assertThat(delivered).hasSize(1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8).lines())
                .singleElement().asString().contains("pool late.example.net: cannot resolve (no such host)");
    }

    @Test
    void looksEveryNameUpAgainOnSighupAndHandsOverWhereItIsNow() {
        ResolveSchedule.Name server = name(AssociationType.SERVER, "ntp.example.net", Optional.empty());
        Map<String, List<String>> dns = new HashMap<>(Map.of("ntp.example.net", List.of("192.0.2.1")));
        NameResolver resolver = resolver(server, answering(dns), Optional.empty());
        resolver.lookUpDue();
        dns.put("ntp.example.net", List.of("192.0.2.9"));

        resolver.lookUpAllAgain();
        resolver.lookUpDue();

        assertThat(delivered).containsExactly(
                new NameResolver.News.Resolved(server.association(), List.of(literal("192.0.2.1"))),
                new NameResolver.News.Resolved(server.association(), List.of(literal("192.0.2.9"))));
    }

    @Test
    void triesANameThatNeverResolvedAtOnceOnSighup() {
        ResolveSchedule.Name server = name(AssociationType.SERVER, "late.example.net", Optional.empty());
        Map<String, List<String>> dns = new HashMap<>();
        NameResolver resolver = resolver(server, answering(dns), Optional.empty());
        resolver.lookUpDue();
        dns.put("late.example.net", List.of("192.0.2.3"));

        resolver.lookUpAllAgain();
        resolver.lookUpDue();

        assertThat(delivered).containsExactly(
                new NameResolver.News.Resolved(server.association(), List.of(literal("192.0.2.3"))));
    }

    /** A resolver on a thread of its own, handing its news to a queue. */
    private record Running(NameResolver resolver, Thread thread, BlockingQueue<NameResolver.News> news) {
        /** The next news, waiting a minute at most. */
        NameResolver.News next() throws InterruptedException {
            return news.poll(1, TimeUnit.MINUTES);
        }

        /** Stops it and waits a minute at most for its thread to end; whether it did. */
        boolean stopped() throws InterruptedException {
            resolver.stop();
            thread.join(TimeUnit.MINUTES.toMillis(1));
            return !thread.isAlive();
        }
    }

    /** Starts a resolver of one name, which resolves to {@code address}, and waits for its first round. */
    private Running runningAfterFirstRound(ResolveSchedule.Name name, String address) throws InterruptedException {
        BlockingQueue<NameResolver.News> news = new LinkedBlockingQueue<>();
        NameResolver resolver = new NameResolver(new ResolveSchedule(List.of(name), 0),
                answering(Map.of(name.host().name(), List.of(address))), Optional.empty(), news::add, log,
                monoNanos::get);
        Running running = new Running(resolver, Thread.ofPlatform().daemon(true).start(resolver), news);
        assertThat(running.next()).isInstanceOf(NameResolver.News.Resolved.class);
        assertThat(running.next()).isInstanceOf(NameResolver.News.FirstRoundDone.class);
        return running;
    }

    @Test
    void staysForAServerNameUntilStoppedToLookItUpAgainOnSighup() throws Exception {
        Running running = runningAfterFirstRound(
                name(AssociationType.SERVER, "ntp.example.net", Optional.empty()), "192.0.2.1");

        running.resolver().lookUpAllAgain();
        NameResolver.News again = running.next();

        assertThat(again).isInstanceOf(NameResolver.News.Resolved.class);
        assertThat(running.stopped()).isTrue();
    }

    @Test
    void looksAPoolNameUpAgainWhenAskedAndHandsOverWhatItResolvesToNow() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        Map<String, List<String>> dns = new HashMap<>(Map.of("pool.example.net", List.of("192.0.2.1")));
        NameResolver resolver = resolver(pool, answering(dns), Optional.empty());
        resolver.lookUpDue();
        dns.put("pool.example.net", List.of("192.0.2.1", "192.0.2.8"));
        monoNanos.set(600 * ResolveSchedule.FIRST_RETRY_NANOS);

        resolver.lookUpAgain(pool);
        resolver.lookUpDue();

        assertThat(delivered).containsExactly(
                new NameResolver.News.Resolved(pool.association(), List.of(literal("192.0.2.1"))),
                new NameResolver.News.Resolved(pool.association(), List.of(literal("192.0.2.1"), literal("192.0.2.8"))));
    }

    @Test
    void looksNothingUpAgainUnasked() {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        NameResolver resolver = resolver(pool, answering(Map.of("pool.example.net", List.of("192.0.2.1"))),
                Optional.empty());
        resolver.lookUpDue();
        monoNanos.set(600 * ResolveSchedule.FIRST_RETRY_NANOS);

        resolver.lookUpDue();

        assertThat(delivered).hasSize(1);
    }

    @Test
    void staysForAPoolUntilStoppedToLookItsNameUpAgain() throws Exception {
        ResolveSchedule.Name pool = name("pool.example.net", Optional.empty());
        Running running = runningAfterFirstRound(pool, "192.0.2.1");
        monoNanos.set(600 * ResolveSchedule.FIRST_RETRY_NANOS);

        running.resolver().lookUpAgain(pool);
        NameResolver.News again = running.next();

        assertThat(again).isInstanceOf(NameResolver.News.Resolved.class);
        assertThat(running.stopped()).isTrue();
    }
}
