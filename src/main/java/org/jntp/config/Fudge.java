package org.jntp.config;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One fudge line: calibration and identity of a reference clock. Empty values were not given.
 *
 * @param time1Seconds driver-specific time offset, seconds
 * @param time2Seconds second driver-specific time value, seconds
 * @param stratum the stratum the clock claims, 0..16
 * @param refid the reference id the clock shows, one to four ASCII characters
 * @param flags flag1..flag4 as given: flag number to value
 */
public record Fudge(RefclockAddress clock, OptionalDouble time1Seconds, OptionalDouble time2Seconds,
        OptionalInt stratum, Optional<String> refid, Map<Integer, Boolean> flags) {
    public Fudge {
        flags = Map.copyOf(flags);
    }
}
