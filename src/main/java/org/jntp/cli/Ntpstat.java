package org.jntp.cli;

/** The {@code ntpstat} tool; its issue has not landed yet. */
public final class Ntpstat {
    private Ntpstat() {}

    public static void main(String[] args) {
        System.err.println("ntpstat: not yet implemented");
        System.exit(2);
    }
}
