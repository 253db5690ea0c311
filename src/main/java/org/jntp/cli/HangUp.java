package org.jntp.cli;

import sun.misc.Signal;

/** SIGHUP: what ntpd does on it, in place of the JVM's default (which ends the process). */
final class HangUp {
    private HangUp() {}

    /** Runs {@code action} on the JVM's signal thread at each SIGHUP. */
    static void onSignal(Runnable action) {
        Signal.handle(new Signal("HUP"), signal -> action.run());
    }
}
