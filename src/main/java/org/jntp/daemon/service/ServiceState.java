package org.jntp.daemon.service;

import java.nio.charset.StandardCharsets;

/** The states ntpd tells systemd about, in sd_notify's words. */
public enum ServiceState {
    /** Sockets bound and serving: systemd starts the units ordered after ntpd. */
    READY("READY=1"),
    /** Shutting down on a signal or by itself. */
    STOPPING("STOPPING=1");

    private final String assignment;

    ServiceState(String assignment) {
        this.assignment = assignment;
    }

    /** The datagram's text. */
    public String assignment() {
        return assignment;
    }

    byte[] message() {
        return assignment.getBytes(StandardCharsets.US_ASCII);
    }
}
