package org.jntp.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.config.ServerAddress;
import org.jntp.source.SyncEvents;
import org.jntp.source.SyncSettings;
import org.jntp.source.Synchronizer;

/**
 * The daemon's client core ({@link Synchronizer}) as the simulator drives it: the run's ntp.conf
 * goes through the daemon's own parser, and the core steers the simulated clock through the same
 * {@link org.jntp.clock.Clock} calls it makes on Linux.
 */
public final class CoreClient implements SimulatedClient {

    private static final int NTP_PORT = 123;

    private final SimulatedClock clock;
    private final Synchronizer synchronizer;

    private CoreClient(RunSetup setup) {
        this.clock = setup.clock();
        NtpConfig config = parse(setup.ntpConf());
        clock.setMaxSlewRate(SyncSettings.maxSlewRatePpm(config));
        setup.driftPpm().ifPresent(clock::setFrequency);
        SyncSettings settings = SyncSettings.of(config, false, false, clock.maxSlewRatePpm(), setup.driftPpm());
        this.synchronizer = Synchronizer.start(sources(config), settings, clock, setup.random(), SyncEvents.NONE,
                setup.startNanos());
    }

    /** The factory the simulator takes. */
    public static ClientFactory factory() {
        return CoreClient::new;
    }

    private static NtpConfig parse(String ntpConf) {
        if (!(ConfigParser.parse(ntpConf, "ntpsim.conf") instanceof ConfigResult.Valid valid)) {
            throw new IllegalArgumentException("the simulator wrote an invalid ntp.conf:\n" + ntpConf);
        }
        return valid.config();
    }

    private static List<Synchronizer.SourceSpec> sources(NtpConfig config) {
        List<Synchronizer.SourceSpec> sources = new ArrayList<>();
        for (Association association : config.associations()) {
            if (association.address() instanceof ServerAddress.Literal literal) {
                sources.add(new Synchronizer.SourceSpec(new InetSocketAddress(literal.address().inetAddress(), NTP_PORT), association));
            }
        }
        return sources;
    }

    @Override
    public long nextWakeNanos() {
        return synchronizer.nextWakeMonoNanos();
    }

    @Override
    public List<Outgoing> wake(long nowNanos) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (Synchronizer.Transmit transmit : synchronizer.wake(nowNanos)) {
            outgoing.add(new Outgoing(transmit.handle(), transmit.destination(), transmit.datagram()));
        }
        return outgoing;
    }

    @Override
    public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
        synchronizer.receive(handle, datagram, datagram.length, clock.nowNanos(), nowNanos);
        return List.of();
    }
}
