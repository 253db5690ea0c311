package org.jntp.clock;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the kernel's clock_adjtime: records every request and keeps the fields a write
 * sets, as the kernel would, so read-modify-write sequences see their own effects.
 */
final class RecordingAdjtimex implements Adjtimex {

    private final List<TimexRequest> requests = new ArrayList<>();
    private Timex state;

    RecordingAdjtimex(int status, long freq, long maxerror, long esterror) {
        this.state = kernelState(status, freq, maxerror, esterror, 0, 0, KernelRate.NOMINAL_TICK_MICROS, 0);
    }

    /** A fake kernel that has not been touched since boot. */
    static RecordingAdjtimex withStatus(int status) {
        return new RecordingAdjtimex(status, 0, 16_000_000, 16_000_000);
    }

    @Override
    public Timex adjust(TimexRequest request) {
        requests.add(request);
        int modes = request.modes();
        int status = has(modes, Timex.ADJ_STATUS) ? request.status() : state.status();
        if (has(modes, Timex.ADJ_NANO)) {
            status |= Timex.STA_NANO;
        }
        if (has(modes, Timex.ADJ_SETOFFSET)) {
            status |= Timex.STA_UNSYNC;
        }
        state = kernelState(status,
                has(modes, Timex.ADJ_FREQUENCY) ? request.freq() : state.freq(),
                has(modes, Timex.ADJ_MAXERROR) ? request.maxerror() : state.maxerror(),
                has(modes, Timex.ADJ_ESTERROR) ? request.esterror() : state.esterror(),
                has(modes, Timex.ADJ_TIMECONST) ? request.constant() : state.constant(),
                has(modes, Timex.ADJ_OFFSET) ? request.offset() : state.offset(),
                has(modes, Timex.ADJ_TICK) ? request.tick() : state.tick(),
                has(modes, Timex.ADJ_TAI) ? (int) request.constant() : state.tai());
        return state;
    }

    /** Every request so far, reads included. */
    List<TimexRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests that change something. */
    List<TimexRequest> writes() {
        return requests.stream().filter(r -> r.modes() != 0).toList();
    }

    /** The one write made so far. */
    TimexRequest onlyWrite() {
        List<TimexRequest> writes = writes();
        if (writes.size() != 1) {
            throw new AssertionError("expected exactly one write, got " + writes);
        }
        return writes.getFirst();
    }

    private static boolean has(int modes, int bit) {
        return (modes & bit) == bit;
    }

    private static Timex kernelState(int status, long freq, long maxerror, long esterror, long constant, long offset,
            long tick, int tai) {
        TimeState timeState = (status & Timex.STA_UNSYNC) != 0 ? TimeState.ERROR : TimeState.OK;
        return new Timex(timeState, 0, offset, freq, maxerror, esterror, status, constant,
                1, 32_768_000, 0, 0, tick, 0, 0, 0, 0, 0, 0, 0, 0, tai);
    }
}
