package org.jntp.daemon;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jntp.config.Association;
import org.jntp.server.access.AddressFamily;

/**
 * The resolver thread: looks up the host names of server and pool lines as {@link ResolveSchedule}
 * says, off the client thread (a lookup can block for seconds), and hands each outcome over.
 * Once every name resolved it waits until stopped: for the client thread to ask for a pool's name
 * again once its reserve of addresses ran out, or for SIGHUP to ask for every name again.
 */
final class NameResolver implements Runnable {

    /** What the resolver tells the client thread. */
    sealed interface News {
        /** A name resolved to these addresses, of the family asked for. */
        record Resolved(Association association, List<InetAddress> addresses) implements News {}

        /** Every name has been tried once: the client core may start with what there is. */
        record FirstRoundDone() implements News {}
    }

    private final ResolveSchedule schedule;
    private final HostLookup lookup;
    private final Optional<AddressFamily> family;
    private final Consumer<News> deliver;
    private final EventLog log;
    private final LongSupplier monoNanos;
    private final Queue<ResolveSchedule.Name> askedAgain = new ConcurrentLinkedQueue<>();
    private final Queue<ResolveSchedule.Name> added = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean allAskedAgain = new AtomicBoolean();
    /** Released to end a wait early: a name asked for again, or a stop. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean stopped;

    /**
     * @param family  {@code -4} or {@code -6} from the command line; a line's own -4/-6 applies as well
     * @param deliver called on this thread; must not block
     */
    NameResolver(ResolveSchedule schedule, HostLookup lookup, Optional<AddressFamily> family, Consumer<News> deliver,
            EventLog log, LongSupplier monoNanos) {
        this.schedule = schedule;
        this.lookup = lookup;
        this.family = family;
        this.deliver = deliver;
        this.log = log;
        this.monoNanos = monoNanos;
    }

    /** Asks the thread to end; a lookup under way still runs to its end, its outcome unused. */
    void stop() {
        stopped = true;
        wakeUps.release();
    }

    /**
     * Asks for a name that resolved to be looked up again (a pool whose reserve ran out), as soon
     * as its schedule allows; any thread may call it.
     */
    void lookUpAgain(ResolveSchedule.Name name) {
        askedAgain.add(name);
        wakeUps.release();
    }

    /** Asks for a name given at run time ({@code ntpq :config}) to be looked up; any thread may call it. */
    void lookUp(ResolveSchedule.Name name) {
        added.add(name);
        wakeUps.release();
    }

    /** SIGHUP: asks for every name to be looked up again at once, resolved or not; any thread may call it. */
    void lookUpAllAgain() {
        allAskedAgain.set(true);
        wakeUps.release();
    }

    /** How many host names it looks up. */
    int names() {
        return schedule.size();
    }

    @Override
    public void run() {
        boolean roundReported = false;
        while (!stopped) {
            lookUpDue();
            if (!roundReported && schedule.firstRoundDone()) {
                roundReported = true;
                deliver.accept(new News.FirstRoundDone());
            }
            if (!awaitNext()) {
                break;
            }
        }
        if (!roundReported) {
            deliver.accept(new News.FirstRoundDone());
        }
    }

    /** Looks up every name that is due, those asked for again included; hands results over as they come. */
    void lookUpDue() {
        if (allAskedAgain.getAndSet(false)) {
            schedule.allAgain(monoNanos.getAsLong());
        }
        for (ResolveSchedule.Name name = added.poll(); name != null; name = added.poll()) {
            schedule.add(name, monoNanos.getAsLong());
        }
        for (ResolveSchedule.Name name = askedAgain.poll(); name != null; name = askedAgain.poll()) {
            schedule.again(name, monoNanos.getAsLong());
        }
        for (ResolveSchedule.Name name : schedule.due(monoNanos.getAsLong())) {
            if (stopped) {
                return;
            }
            switch (usable(lookup.lookup(name.host().name()), name)) {
                case HostLookup.Result.Found found -> {
                    schedule.resolved(name, monoNanos.getAsLong());
                    deliver.accept(new News.Resolved(name.association(), found.addresses()));
                }
                case HostLookup.Result.Failed failed ->
                        schedule.failed(name, failed.reason(), monoNanos.getAsLong()).ifPresent(log::info);
            }
        }
    }

    /** The addresses of the families the line and the command line allow, or why there are none. */
    private HostLookup.Result usable(HostLookup.Result result, ResolveSchedule.Name name) {
        if (!(result instanceof HostLookup.Result.Found found)) {
            return result;
        }
        List<InetAddress> allowed = found.addresses().stream()
                .filter(address -> name.host().family().map(f -> f == familyOf(address)).orElse(true))
                .filter(address -> family.map(f -> f == familyOf(address)).orElse(true))
                .toList();
        if (allowed.isEmpty()) {
            return new HostLookup.Result.Failed("no " + (found.addresses().isEmpty() ? "" : "usable ")
                    + "address of the family asked for");
        }
        return new HostLookup.Result.Found(allowed);
    }

    static AddressFamily familyOf(InetAddress address) {
        return address instanceof Inet6Address ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /** Sleeps until the next name is due or one is asked for again; false once stopped. */
    private boolean awaitNext() {
        long next = schedule.nextDueMonoNanos();
        try {
            if (next == Long.MAX_VALUE) {
                wakeUps.acquire();
            } else if (!wakeUps.tryAcquire(Math.max(0, next - monoNanos.getAsLong()), TimeUnit.NANOSECONDS)) {
                return !stopped;
            }
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopped;
    }
}
