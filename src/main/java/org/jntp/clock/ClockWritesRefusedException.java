package org.jntp.clock;

/**
 * A write to the system clock was refused before reaching the kernel, because the kernel command
 * line lacks {@link LinuxAdjtimex#WRITE_MARKER}: only a throw-away machine booted with it lets
 * jntp change its clock.
 */
public final class ClockWritesRefusedException extends ClockException {

    private static final long serialVersionUID = 1L;

    ClockWritesRefusedException(String message) {
        super(message);
    }
}
