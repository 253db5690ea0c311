package org.jntp.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Queue;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.source.Retirement;
import org.jntp.source.SyncEvents;
import org.jntp.source.SyncSettings;
import org.jntp.source.Synchronizer;

/**
 * The client core with the scenario's servers as the members of one {@code pool} line, as the
 * daemon runs it: the first {@code reserve} servers are kept back, the others polled, and after
 * each wake a member the core retires gives way to the next server in reserve. Every retirement
 * of every run is added to a queue the test reads.
 */
final class PoolClient implements SimulatedClient {
    private static final int NTP_PORT = 123;

    private final SimulatedClock clock;
    private final Synchronizer synchronizer;
    private final List<Synchronizer.SourceSpec> reserve = new ArrayList<>();
    private final Queue<Retirement> retirements;

    private PoolClient(RunSetup setup, int servers, int reserved, int pollLog2, Queue<Retirement> retirements) {
        this.retirements = retirements;
        this.clock = setup.clock();
        String poolLine = "pool pool.example.net iburst minpoll " + pollLog2 + " maxpoll " + pollLog2 + "\n";
        NtpConfig config = ((ConfigResult.Valid) ConfigParser.parse(poolLine, "pool.conf")).config();
        Association pool = config.associations().getFirst();
        List<Synchronizer.SourceSpec> members = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            Synchronizer.SourceSpec spec = new Synchronizer.SourceSpec(
                    new InetSocketAddress(InetAddress.ofLiteral(Scenario.serverHost(i)), NTP_PORT), pool);
            (i < reserved ? reserve : members).add(spec);
        }
        clock.setMaxSlewRate(SyncSettings.maxSlewRatePpm(config));
        SyncSettings settings = SyncSettings.of(config, false, false, clock.maxSlewRatePpm(), OptionalDouble.empty());
        this.synchronizer = Synchronizer.start(members, settings, clock, setup.random(), SyncEvents.NONE, setup.startNanos());
    }

    /**
     * Clients for a scenario of {@code servers} servers, the first {@code reserved} of them in
     * reserve, all polled every 2^{@code pollLog2} s; their retirements go to {@code retirements}.
     */
    static ClientFactory factory(int servers, int reserved, int pollLog2, Queue<Retirement> retirements) {
        return setup -> new PoolClient(setup, servers, reserved, pollLog2, retirements);
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
        for (Retirement retirement : synchronizer.retirePreemptable()) {
            retirements.add(retirement);
            if (!reserve.isEmpty()) {
                synchronizer.addSource(reserve.removeFirst(), nowNanos);
            }
        }
        return outgoing;
    }

    @Override
    public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
        synchronizer.receive(handle, datagram, datagram.length, clock.nowNanos(), nowNanos);
        return List.of();
    }
}
