package org.jntp.daemon;

import java.nio.file.Path;
import java.util.Optional;
import org.jntp.server.access.AddressFamily;

/**
 * What ntpd's command line says about keeping time.
 *
 * @param panicAllowedOnce {@code -g}: the first correction may exceed the panic threshold
 * @param slewOnly         {@code -x}: slew offsets up to 600 s instead of stepping them
 * @param setAndQuit       {@code -q}: set the clock once, then exit
 * @param driftFile        {@code -f}, else the {@code driftfile} line
 * @param family           {@code -4} or {@code -6}: use servers of that family only
 * @param serverPort       the UDP port servers are asked on: 123, another only in tests
 */
public record ClientOptions(boolean panicAllowedOnce, boolean slewOnly, boolean setAndQuit,
        Optional<Path> driftFile, Optional<AddressFamily> family, int serverPort) {

    /** The NTP port. */
    public static final int NTP_PORT = 123;

    /** A daemon started without -g, -x, -q, -4, -6 and without a drift file. */
    public static ClientOptions defaults() {
        return new ClientOptions(false, false, false, Optional.empty(), Optional.empty(), NTP_PORT);
    }

    /** These options asking servers on {@code port}. */
    public ClientOptions withServerPort(int port) {
        return new ClientOptions(panicAllowedOnce, slewOnly, setAndQuit, driftFile, family, port);
    }
}
