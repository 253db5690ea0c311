package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtsSettings;
import org.jntp.nts.KeResponder;
import org.jntp.nts.MasterKeyRing;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the NTS sources' key exchanges are counted (NTPsec's {@code nts_ke_probes_*}), against our
 * NTS-KE server on loopback.
 */
class NtsKeyExchangesTest {
    private static TestCertificate certificate;

    private final Random random = new Random(4460);
    private final MasterKeyRing ring = MasterKeyRing.create(1_764_000_000, random);
    private final EventLog log = TestLogs.silent();
    private final SharedCounters counters = new SharedCounters();
    private NtsKeServer server;
    private NtsKeyExchanges exchanges;

    @BeforeAll
    static void makeCertificate(@TempDir Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        certificate = TestCertificate.make(directory.resolve("valid"));
    }

    @AfterEach
    void stop() throws IOException {
        if (exchanges != null) {
            exchanges.stop();
        }
        server.close();
    }

    private int serve() throws IOException {
        server = NtsKeServer.bind(NtsCredentials.serverContext(certificate.certificateFile(), certificate.keyFile()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(),
                new KeResponder(Optional.empty(), OptionalInt.empty()), () -> ring, random, new SharedCounters(),
                log);
        server.serve();
        return server.port();
    }

    private void exchangeWith(int kePort) {
        NtsSettings none = NtsSettings.none();
        NtsSettings settings = new NtsSettings(false, none.certFile(), none.keyFile(), none.cookieFile(),
                none.caFile(), none.tlsCipherSuites(), true, kePort);
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse(
                "server 127.0.0.1 nts ca " + certificate.certificateFile() + "\n", "test.conf");
        Association line = valid.config().associations().getFirst();
        exchanges = new NtsKeyExchanges(settings, Optional.empty(), _ -> { }, counters, log);
        exchanges.start(line, OptionalInt.empty());
    }

    /** The count once the exchange's thread has counted, or as it stands after 10 s. */
    private long countOnceExchanged(Counter counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counters.get(counter) == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        return counters.get(counter);
    }

    @Test
    void countsAnExchangeThatGaveKeysAsGood() throws IOException, InterruptedException {
        exchangeWith(serve());

        assertThat(countOnceExchanged(Counter.NTS_KE_CLIENT_GOOD)).isOne();
        assertThat(counters.get(Counter.NTS_KE_CLIENT_BAD)).isZero();
    }

    @Test
    void countsAnExchangeWithNoServerListeningAsBad() throws IOException, InterruptedException {
        int closedPort = serve();
        server.close();

        exchangeWith(closedPort);

        assertThat(countOnceExchanged(Counter.NTS_KE_CLIENT_BAD)).isOne();
        assertThat(counters.get(Counter.NTS_KE_CLIENT_GOOD)).isZero();
    }
}
