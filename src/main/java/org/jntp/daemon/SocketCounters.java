package org.jntp.daemon;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * What one server thread's socket received and sent, for ntpq's ifstats. Only the owning thread
 * writes (once per batch, plain increments); any thread may read.
 */
final class SocketCounters {
    private static final VarHandle RECEIVED;
    private static final VarHandle SENT;
    private static final VarHandle SEND_ERRORS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RECEIVED = lookup.findVarHandle(SocketCounters.class, "received", long.class);
            SENT = lookup.findVarHandle(SocketCounters.class, "sent", long.class);
            SEND_ERRORS = lookup.findVarHandle(SocketCounters.class, "sendErrors", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long received;
    private long sent;
    private long sendErrors;

    /** Counts datagrams taken from the socket. */
    void received(int datagrams) {
        RECEIVED.setOpaque(this, (long) RECEIVED.getOpaque(this) + datagrams);
    }

    /** Counts a send of {@code queued} datagrams of which the kernel took {@code sent}. */
    void sent(int queued, int sent) {
        SENT.setOpaque(this, (long) SENT.getOpaque(this) + sent);
        if (sent < queued) {
            SEND_ERRORS.setOpaque(this, (long) SEND_ERRORS.getOpaque(this) + queued - sent);
        }
    }

    /** Datagrams received, over several threads' counters. */
    static long received(List<SocketCounters> counters) {
        return counters.stream().mapToLong(c -> (long) RECEIVED.getOpaque(c)).sum();
    }

    /** Datagrams sent, over several threads' counters. */
    static long sent(List<SocketCounters> counters) {
        return counters.stream().mapToLong(c -> (long) SENT.getOpaque(c)).sum();
    }

    /** Datagrams the kernel would not send, over several threads' counters. */
    static long sendErrors(List<SocketCounters> counters) {
        return counters.stream().mapToLong(c -> (long) SEND_ERRORS.getOpaque(c)).sum();
    }
}
