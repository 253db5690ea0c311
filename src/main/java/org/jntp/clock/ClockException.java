package org.jntp.clock;

/** The operating system failed to read or adjust the clock. */
public class ClockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given explanation. */
    public ClockException(String message) {
        super(message);
    }

    /** An exception with the given explanation and cause. */
    public ClockException(String message, Throwable cause) {
        super(message, cause);
    }
}
