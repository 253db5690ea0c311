package org.jntp.server.control;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What READCLOCK shows of a reference clock association ({@code refclockstat} in ntpd).
 *
 * @param device the driver's description, e.g. {@code Undisciplined local clock}
 * @param polls how often the driver was read
 * @param fudgedStratum the stratum a {@code fudge} line gave, if any
 * @param fudgedReferenceIdBits the reference ID a {@code fudge} line gave, if any
 */
public record ClockState(String device, long polls, OptionalInt fudgedStratum, OptionalInt fudgedReferenceIdBits) {
    /** Requires all parts. */
    public ClockState {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(fudgedStratum, "fudgedStratum");
        Objects.requireNonNull(fudgedReferenceIdBits, "fudgedReferenceIdBits");
    }
}
