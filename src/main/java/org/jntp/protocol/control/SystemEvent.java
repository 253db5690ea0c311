package org.jntp.protocol.control;

/** The last system event in the system status word ({@code decode.html}, {@code EVNT_*}). */
public enum SystemEvent {
    /** 0. */
    UNSPECIFIED("unspecified"),
    /** 1: frequency file not available. */
    FREQ_NOT_SET("freq_not_set"),
    /** 2: frequency set from the frequency file. */
    FREQ_SET("freq_set"),
    /** 3: spike detected. */
    SPIKE_DETECT("spike_detect"),
    /** 4: initial frequency training mode. */
    FREQ_MODE("freq_mode"),
    /** 5: clock synchronized. */
    CLOCK_SYNC("clock_sync"),
    /** 6: program restart. */
    RESTART("restart"),
    /** 7: clock error more than 600 s. */
    PANIC_STOP("panic_stop"),
    /** 8: no system peer. */
    NO_SYSTEM_PEER("no_sys_peer"),
    /** 9: leap second armed. */
    LEAP_ARMED("leap_armed"),
    /** 10: leap second disarmed. */
    LEAP_DISARMED("leap_disarmed"),
    /** 11: leap event. */
    LEAP_EVENT("leap_event"),
    /** 12: clock stepped. */
    CLOCK_STEP("clock_step"),
    /** 13: kernel information message. */
    KERN("kern"),
    /** 14: leap second values updated from a file. */
    TAI("TAI"),
    /** 15: the leap second file is stale. */
    STALE_LEAPSECOND_VALUES("stale_leapsecond_values");

    private static final SystemEvent[] BY_CODE = values();

    private final String message;

    SystemEvent(String message) {
        this.message = message;
    }

    /** The wire value, 0 to 15. */
    public int code() {
        return ordinal();
    }

    /** The name ntpq shows ({@code libntp/statestr.c}), e.g. {@code restart}. */
    public String message() {
        return message;
    }

    /** The event of a 4-bit wire value. */
    public static SystemEvent of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("system event out of range: " + code);
        }
        return BY_CODE[code];
    }
}
