package org.jntp.cli;

/** The {@code ntpdate} tool; its issue has not landed yet. */
public final class Ntpdate {
    private Ntpdate() {}

    public static void main(String[] args) {
        System.err.println("ntpdate: not yet implemented");
        System.exit(2);
    }
}
