package org.jntp.kernel.guest;

/**
 * When a datagram reached the guest's kernel, on CLOCK_MONOTONIC_RAW, from the kernel's receive
 * stamp (SO_TIMESTAMPNS, on CLOCK_REALTIME) and a reading of both clocks taken after it: the stamp's
 * age on the system clock, taken back from the raw reading. A real server stamps a request with
 * the kernel's receive time; a thread that woke late for it would otherwise stamp it late, and the
 * daemon would take that for an offset.
 *
 * <p>The age is measured on the system clock that the daemon disciplines, so it is off by the
 * clock's rate against the raw clock: at most 8.3% of the age while a fast start slew (83 333 ppm)
 * runs, 0.05% under adjtime()'s slew.
 */
final class KernelArrival {

    /**
     * The oldest a request can be when the server reads it: one waits in the socket for the reply
     * before it, the model's down delay and the thread's lateness, well below this. An older stamp,
     * or one ahead of the reading, had the system clock stepped under it (or the leap second's
     * repeated second).
     */
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    private KernelArrival() {
    }

    /**
     * The raw clock's reading when the kernel stamped the datagram {@code kernelRealtimeNanos}
     * (0 if it did not), given that the system clock read {@code readRealtimeNanos} when the raw
     * clock read {@code readRawNanos}; the raw reading itself when the stamp is missing or its age
     * is not one a queued request can have ({@link #MAX_AGE_NANOS}).
     */
    static long rawNanos(long kernelRealtimeNanos, long readRealtimeNanos, long readRawNanos) {
        long ageNanos = readRealtimeNanos - kernelRealtimeNanos;
        return kernelRealtimeNanos != 0 && ageNanos >= 0 && ageNanos < MAX_AGE_NANOS
                ? readRawNanos - ageNanos : readRawNanos;
    }
}
