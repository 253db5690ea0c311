package org.jntp.server;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jntp.nts.MasterKeyRing;

/**
 * What the server needs to answer NTS requests (RFC 8915 §5.7).
 *
 * <p>While NTS is off (no master keys), a request carrying NTS fields gets a plain reply, its fields
 * ignored as RFC 7822 has a server ignore fields it does not know: a server without NTS answers so
 * too (chrony's does), and the client, finding no Authenticator, refuses the reply itself.
 *
 * @param masterKeys the master keys in force, read once per request with NTS fields; empty while
 *                   NTS is off
 * @param random     for the reply's nonce and the fresh cookies: unpredictable, as NTS needs
 */
public record NtsServing(Supplier<Optional<MasterKeyRing>> masterKeys, RandomGenerator random) {
    /** NTS off: NTS fields ignored. */
    public static NtsServing off() {
        return new NtsServing(Optional::empty, RandomGenerator.getDefault());
    }
}
