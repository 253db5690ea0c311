package org.jntp.sim;

/**
 * The seeds of a simulation, {@code first} to {@code last} inclusive; each seed is one run.
 *
 * @param first the first seed
 * @param last  the last seed, not below the first
 */
public record Seeds(long first, long last) {

    public Seeds {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("seeds " + first + "-" + last + " are not an ascending range from 0 up");
        }
    }

    /** How many runs. */
    public long count() {
        return last - first + 1;
    }
}
