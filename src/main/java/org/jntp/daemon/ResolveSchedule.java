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
 * again after 1 s, doubling up to 5 min between tries, until it resolves. A pool whose reserve
 * ran out asks for its name again; such a lookup waits the same interval after the previous one,
 * and each doubles it up to 5 min, so a pool that keeps losing members does not hammer the
 * resolver. A failure is worth a log line only when its reason differs from the last one, so a
 * name that stays unknown is logged once, not every five minutes. SIGHUP has every name looked up
 * again at once.
 */
final class ResolveSchedule {
    static final long FIRST_RETRY_NANOS = 1_000_000_000L;
    static final long MAX_RETRY_NANOS = 300_000_000_000L;

    /** A server or pool line whose address is a name. */
    record Name(Association association, ServerAddress.HostName host) {}

    private static final class State {
        boolean pending = true;
        long dueMonoNanos;
        long retryNanos = FIRST_RETRY_NANOS;
        boolean tried;
        long lastLookupMonoNanos;
        Optional<String> lastFailure = Optional.empty();

        State(long dueMonoNanos) {
            this.dueMonoNanos = dueMonoNanos;
            this.lastLookupMonoNanos = dueMonoNanos;
        }

        long nextRetryNanos() {
            long retry = retryNanos;
            retryNanos = Math.min(retry * 2, MAX_RETRY_NANOS);
            return retry;
        }
    }

    private final Map<Name, State> states = new LinkedHashMap<>();

    /** Every name due at {@code startMonoNanos}. */
    ResolveSchedule(List<Name> names, long startMonoNanos) {
        names.forEach(name -> states.put(name, new State(startMonoNanos)));
    }

    /** The names to look up now. */
    List<Name> due(long monoNanos) {
        List<Name> due = new ArrayList<>();
        states.forEach((name, state) -> {
            if (state.pending && state.dueMonoNanos - monoNanos <= 0) {
                due.add(name);
            }
        });
        return due;
    }

    /** When the next name is due; {@link Long#MAX_VALUE} while none is to be looked up. */
    long nextDueMonoNanos() {
        long next = Long.MAX_VALUE;
        for (State state : states.values()) {
            if (state.pending) {
                next = Math.min(next, state.dueMonoNanos);
            }
        }
        return next;
    }

    /** Whether every name has been looked up at least once. */
    boolean firstRoundDone() {
        return states.values().stream().allMatch(state -> state.tried);
    }

    /** The name resolved at {@code monoNanos}: it is not looked up again unless {@link #again} asks. */
    void resolved(Name name, long monoNanos) {
        State state = states.get(name);
        if (state == null) {
            return;
        }
        state.pending = false;
        state.tried = true;
        state.lastLookupMonoNanos = monoNanos;
        state.lastFailure = Optional.empty();
    }

    /**
     * Asks at {@code monoNanos} for a resolved name to be looked up again: it is due the current
     * interval after its last lookup (at once, if that has passed), and the interval doubles. A name
     * still to be looked up, or not configured, stays as it is.
     */
    void again(Name name, long monoNanos) {
        State state = states.get(name);
        if (state == null || state.pending) {
            return;
        }
        long earliest = state.lastLookupMonoNanos + state.nextRetryNanos();
        state.pending = true;
        state.dueMonoNanos = earliest - monoNanos > 0 ? earliest : monoNanos;
    }

    /**
     * SIGHUP: every name is due at {@code monoNanos}, resolved or not, with its retry interval back
     * to the first and its last failure forgotten, so that what the lookup finds is logged again.
     */
    void allAgain(long monoNanos) {
        for (State state : states.values()) {
            state.pending = true;
            state.dueMonoNanos = monoNanos;
            state.retryNanos = FIRST_RETRY_NANOS;
            state.lastFailure = Optional.empty();
        }
    }

    /** Adds a name given at run time ({@code ntpq :config}), due at {@code monoNanos}; a name it has stays as it is. */
    void add(Name name, long monoNanos) {
        states.putIfAbsent(name, new State(monoNanos));
    }

    /** How many names there are to look up. */
    int size() {
        return states.size();
    }

    /**
     * The name did not resolve at {@code monoNanos}: schedules the next try, and returns the line to
     * log if the reason is new.
     */
    Optional<String> failed(Name name, String reason, long monoNanos) {
        State state = states.get(name);
        if (state == null) {
            return Optional.empty();
        }
        state.tried = true;
        state.lastLookupMonoNanos = monoNanos;
        long retry = state.nextRetryNanos();
        state.dueMonoNanos = monoNanos + retry;
        if (state.lastFailure.equals(Optional.of(reason))) {
            return Optional.empty();
        }
        state.lastFailure = Optional.of(reason);
        return Optional.of(name.association().type().keyword() + " " + name.host().name() + ": cannot resolve ("
                + reason + "); retrying from " + retry / 1_000_000_000L + " s on, up to every "
                + MAX_RETRY_NANOS / 60_000_000_000L + " min");
    }
}
