package org.jntp.server.control;

import java.net.InetSocketAddress;

/**
 * Where {@code ntpq saveconfig} writes: the configuration in force, read from ntp.conf and changed
 * at run time, into a file of {@code saveconfigdir}. Called on a server thread.
 */
public interface ConfigSaver {
    /** Keeps configuration text that CONFIGURE applied, so that a later save includes it. */
    void applied(String text);

    /**
     * Saves the configuration under the name the request gives (strftime conversions expanded, as
     * ntpd does) and returns ntpd's answer: where it went, or why it did not.
     *
     * @param from who asked, for the log
     */
    String save(String fileSpec, InetSocketAddress from);
}
