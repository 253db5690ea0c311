package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.Variable;
import org.jntp.protocol.control.VariableList;
import org.jntp.protocol.control.VariableValue;
import org.jntp.server.access.MruEntry;

/**
 * The variables of a READ_MRU answer, as ntpd's {@code read_mru_list} sends them: the entries
 * oldest first, each as {@code addr.N}, {@code last.N}, {@code first.N}, {@code ct.N},
 * {@code mv.N} and {@code rs.N}, after a fresh {@code nonce} (and, when the client named where it
 * got to, {@code last.older} and {@code addr.older}); {@code now} and {@code last.newest} once
 * the list is done. ntpd shuffles each entry's six items and adds random ones, so that no client
 * comes to depend on their order; here they come in a fixed order.
 */
final class MruResponse {
    /** A prior entry matches one of ours last heard from this close: the two times are read apart. */
    private static final long PRIOR_TOLERANCE_NANOS = 1_000_000;
    /** Room for the separator after an item: a comma and a space, or a comma and a line break. */
    private static final int SEPARATOR_LENGTH = 3;

    private MruResponse() {}

    /** What to answer: the variables to send, or that no entry matches the client's priors. */
    sealed interface Outcome {
        record Send(List<Variable> variables) implements Outcome {}

        /** None of the client's entries is in the list unchanged: ntpd's UNKNOWNVAR, to start over. */
        record NoPrior() implements Outcome {}
    }

    /**
     * @param newestFirst the MRU list, most recently heard first
     * @param nonce the fresh nonce for the client's next request
     * @param nowNanos the served clock now (Unix ns)
     * @param monoNanos the monotonic clock now, the timescale of the MRU list
     */
    static Outcome of(MruQuery query, List<MruEntry> newestFirst, String nonce, long nowNanos, long monoNanos) {
        long frags = query.frags() != 0 ? query.frags() : MruQuery.FRAGS_LIMIT;
        long limit = query.limit() != 0 ? query.limit() : Long.MAX_VALUE;
        List<MruEntry> oldestFirst = newestFirst.reversed();
        List<Variable> variables = new ArrayList<>();
        int start = 0;
        if (!query.priors().isEmpty()) {
            Optional<Integer> prior = startingPoint(query, oldestFirst, nowNanos, monoNanos);
            if (prior.isEmpty()) {
                return new Outcome.NoPrior();
            }
            MruEntry older = oldestFirst.get(prior.get());
            variables.add(new Variable("last.older", timestamp(older.lastNanos(), nowNanos, monoNanos)));
            variables.add(new Variable("addr.older", address(older)));
            // ntpd goes on after the client's entry, but for a limit of one sends that entry again
            start = limit > 1 ? prior.get() + 1 : prior.get();
        }
        variables.add(new Variable("nonce", new VariableValue.Word(nonce)));
        int length = length(variables);
        int count = 0;
        int index = start;
        Optional<MruEntry> last = Optional.empty();
        for (; index < oldestFirst.size() && length / ControlHeader.MAX_DATA_LENGTH < frags && count < limit;
                index++) {
            MruEntry entry = oldestFirst.get(index);
            if (!wanted(query, entry, monoNanos)) {
                continue;
            }
            List<Variable> items = items(entry, count, nowNanos, monoNanos);
            variables.addAll(items);
            length += length(items);
            count++;
            last = Optional.of(entry);
        }
        if (index == oldestFirst.size()) {
            variables.add(new Variable("now", new VariableValue.Timestamp(NtpTimestamp.bitsOfUnixNanos(nowNanos))));
            last.ifPresent(e -> variables.add(new Variable("last.newest", timestamp(e.lastNanos(), nowNanos,
                    monoNanos))));
        }
        return new Outcome.Send(variables);
    }

    /** The first of the client's entries (newest first) still in the list unchanged, by its index. */
    private static Optional<Integer> startingPoint(MruQuery query, List<MruEntry> oldestFirst, long nowNanos,
            long monoNanos) {
        for (MruQuery.Prior prior : query.priors()) {
            for (int i = 0; i < oldestFirst.size(); i++) {
                MruEntry entry = oldestFirst.get(i);
                long lastBits = NtpTimestamp.bitsOfUnixNanos(clockNanos(entry.lastNanos(), nowNanos, monoNanos));
                if (entry.address().inetAddress().equals(prior.address().getAddress())
                        && entry.port() == prior.address().getPort()
                        && Math.abs(NtpTimestamp.differenceNanos(lastBits, prior.lastBits())) < PRIOR_TOLERANCE_NANOS) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean wanted(MruQuery query, MruEntry entry, long monoNanos) {
        return entry.count() >= query.mincount()
                && (query.restrictAll() == 0 || (entry.restrictFlags() & query.restrictAll()) == query.restrictAll())
                && (query.restrictAny() == 0 || (entry.restrictFlags() & query.restrictAny()) != 0)
                && (query.maxLastIntervalSeconds() == 0
                        || (monoNanos - entry.lastNanos()) / 1_000_000_000L <= query.maxLastIntervalSeconds());
    }

    private static List<Variable> items(MruEntry entry, int index, long nowNanos, long monoNanos) {
        return List.of(new Variable("addr." + index, address(entry)),
                new Variable("last." + index, timestamp(entry.lastNanos(), nowNanos, monoNanos)),
                new Variable("first." + index, timestamp(entry.firstNanos(), nowNanos, monoNanos)),
                new Variable("ct." + index, new VariableValue.Signed(entry.count())),
                new Variable("mv." + index, new VariableValue.Unsigned(entry.version() << 3 | entry.mode())),
                new Variable("rs." + index, new VariableValue.Hex(entry.restrictFlags())));
    }

    private static VariableValue address(MruEntry entry) {
        return new VariableValue.Word(SystemVariableTable.socketText(
                new InetSocketAddress(entry.address().inetAddress(), entry.port())));
    }

    private static VariableValue timestamp(long entryMonoNanos, long nowNanos, long monoNanos) {
        long clockNanos = clockNanos(entryMonoNanos, nowNanos, monoNanos);
        return new VariableValue.Timestamp(NtpTimestamp.bitsOfUnixNanos(clockNanos));
    }

    /** A time of the MRU list (monotonic) on the served clock. */
    private static long clockNanos(long entryMonoNanos, long nowNanos, long monoNanos) {
        return nowNanos - (monoNanos - entryMonoNanos);
    }

    private static int length(List<Variable> variables) {
        return VariableList.format(variables).length() + SEPARATOR_LENGTH;
    }
}
