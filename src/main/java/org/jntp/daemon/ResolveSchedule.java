package org.jntp.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.ServerAddress;

/**
 * When to look each configured host name up: all at once at start, then, for a name that failed,
 * again after 1 s, doubling up to 5 min between tries, until it resolves. A failure is worth a log
 * line only when its reason differs from the last one, so a name that stays unknown is logged
 * once, not every five minutes.
 */
final class ResolveSchedule {
    static final long FIRST_RETRY_NANOS = 1_000_000_000L;
    static final long MAX_RETRY_NANOS = 300_000_000_000L;

    /** A server or pool line whose address is a name. */
    record Name(Association association, ServerAddress.HostName host) {}

    private static final class Pending {
        long dueMonoNanos;
        long retryNanos = FIRST_RETRY_NANOS;
        boolean tried;
        Optional<String> lastFailure = Optional.empty();

        Pending(long dueMonoNanos) {
            this.dueMonoNanos = dueMonoNanos;
        }
    }

    private final Map<Name, Pending> pending = new LinkedHashMap<>();

    /** Every name due at {@code startMonoNanos}. */
    ResolveSchedule(List<Name> names, long startMonoNanos) {
        names.forEach(name -> pending.put(name, new Pending(startMonoNanos)));
    }

    /** The names to look up now. */
    List<Name> due(long monoNanos) {
        List<Name> due = new ArrayList<>();
        pending.forEach((name, state) -> {
            if (state.dueMonoNanos - monoNanos <= 0) {
                due.add(name);
            }
        });
        return due;
    }

    /** When the next name is due; {@link Long#MAX_VALUE} once every name resolved. */
    long nextDueMonoNanos() {
        long next = Long.MAX_VALUE;
        for (Pending state : pending.values()) {
            next = Math.min(next, state.dueMonoNanos);
        }
        return next;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Whether every name has been looked up at least once. */
    boolean firstRoundDone() {
        return pending.values().stream().allMatch(state -> state.tried);
    }

    /** The name resolved: it is not looked up again. */
    void resolved(Name name) {
        pending.remove(name);
    }

    /**
     * The name did not resolve at {@code monoNanos}: schedules the next try, and returns the line to
     * log if the reason is new.
     */
    Optional<String> failed(Name name, String reason, long monoNanos) {
        Pending state = pending.get(name);
        if (state == null) {
            return Optional.empty();
        }
        state.tried = true;
        long retry = state.retryNanos;
        state.dueMonoNanos = monoNanos + retry;
        state.retryNanos = Math.min(retry * 2, MAX_RETRY_NANOS);
        if (state.lastFailure.equals(Optional.of(reason))) {
            return Optional.empty();
        }
        state.lastFailure = Optional.of(reason);
        return Optional.of(name.association().type().keyword() + " " + name.host().name() + ": cannot resolve ("
                + reason + "); retrying from " + retry / 1_000_000_000L + " s on, up to every "
                + MAX_RETRY_NANOS / 60_000_000_000L + " min");
    }
}
