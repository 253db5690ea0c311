package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.List;
import org.jntp.config.Association;
import org.jntp.config.RuntimeConfig;

/** Where run-time configuration (mode 6 CONFIGURE) goes: the daemon's client side. */
@FunctionalInterface
public interface Reconfiguration {
    /**
     * Adds associations, as their lines in ntp.conf would have, and lets go of those named;
     * called on a server thread, so it must hand them over without blocking.
     *
     * @param from who asked, for the log
     */
    void apply(InetSocketAddress from, List<Association> associations, List<RuntimeConfig.Unpeer> unpeers);
}
