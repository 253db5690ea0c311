package org.jntp.cli;

/** The {@code ntpq} tool; its issue has not landed yet. */
public final class Ntpq {
    private Ntpq() {}

    public static void main(String[] args) {
        System.err.println("ntpq: not yet implemented");
        System.exit(2);
    }
}
