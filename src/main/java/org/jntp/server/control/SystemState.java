package org.jntp.server.control;

import java.util.Objects;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ClockSource;
import org.jntp.protocol.control.SystemEvent;
import org.jntp.protocol.control.SystemStatus;

/**
 * The system variables as mode 6 shows them (association 0), in ntpd's terms.
 *
 * @param host what {@code version}, {@code processor} and {@code system} say
 * @param leap the leap indicator served
 * @param stratum the stratum served, 16 when unsynchronised
 * @param precisionLog2 the system clock's precision, log2 seconds
 * @param rootDelaySeconds the root delay served
 * @param rootDispersionSeconds the root dispersion served
 * @param referenceIdBits the reference ID served
 * @param referenceTimeNanos when the clock was last corrected (Unix ns), 0 if never
 * @param systemPeerId the system peer's association ID, 0 when there is none
 * @param source what the system peer is, for the status word
 * @param pollLog2 the system poll exponent ({@code tc})
 * @param minPollLog2 the least system poll exponent ({@code mintc})
 * @param offsetSeconds the last offset the discipline took
 * @param frequencyPpm the frequency correction in force
 * @param systemJitterSeconds the combined jitter of the sources ({@code sys_jitter})
 * @param clockJitterSeconds the clock's own jitter ({@code clk_jitter})
 * @param clockWanderPpm the frequency wander ({@code clk_wander})
 * @param leapSmearIntervalSeconds the leap smear interval, 0 when smearing is off
 * @param events the system events so far
 */
public record SystemState(HostInfo host, LeapIndicator leap, int stratum, int precisionLog2,
        double rootDelaySeconds, double rootDispersionSeconds, int referenceIdBits, long referenceTimeNanos,
        int systemPeerId, ClockSource source, int pollLog2, int minPollLog2, double offsetSeconds,
        double frequencyPpm, double systemJitterSeconds, double clockJitterSeconds, double clockWanderPpm,
        long leapSmearIntervalSeconds, EventTally events) {

    /** Requires the parts that are objects. */
    public SystemState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(leap, "leap");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(events, "events");
    }

    /** A daemon that has just started: never synchronised, reference ID INIT, one restart event. */
    public static SystemState starting(HostInfo host, int precisionLog2, int pollLog2) {
        return new SystemState(host, LeapIndicator.UNSYNCHRONIZED, 16, precisionLog2, 0, 0,
                KissCode.INIT.referenceId().bits(), 0, 0, ClockSource.UNSPEC, pollLog2, pollLog2, 0, 0, 0, 0, 0, 0,
                EventTally.NONE.after(SystemEvent.RESTART.code()));
    }

    /** The system status word of every response about association 0. */
    public SystemStatus status() {
        return new SystemStatus(leap, source.code(), events.count(), SystemEvent.of(events.lastCode()));
    }
}
