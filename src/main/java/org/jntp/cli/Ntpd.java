package org.jntp.cli;

public final class Ntpd {
    private Ntpd() {}

    public static void main(String[] args) {
        System.err.println("ntpd: starting");
    }
}
