package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jntp.source.Retirement;
import org.junit.jupiter.api.Test;

/** A pool in short simulated runs: a member whose clock is off gives way to a server in reserve. */
class PoolSimulationTest {

    @Test
    void replacesAFalsetickingPoolMemberWithTheServerInReserve() {
        // 192.0.2.1 waits in reserve; 192.0.2.2 to .4 are good members, 192.0.2.5 a member 0.5 s ahead
        Scenario fiveServers = new Scenario(5, 1, 0.5, Delay.LAN, Delay.LAN, 0, 0.1, 100, 1e-9, 6, 6, false, 2000,
                new Seeds(1, 3));
        Queue<Retirement> retirements = new ConcurrentLinkedQueue<>();

        Summary summary = Simulator.run(fiveServers, PoolClient.factory(5, 1, 6, retirements), seed -> { });

        InetSocketAddress falseticker = new InetSocketAddress(InetAddress.ofLiteral(Scenario.serverHost(4)), 123);
        assertThat(retirements).hasSize(3).allSatisfy(retirement -> {
            assertThat(retirement.source().address()).isEqualTo(falseticker);
            assertThat(retirement.cause()).isEqualTo(Retirement.Cause.FALSETICKER);
        });
        assertThat(summary.followedFalseticker()).isZero();
        assertThat(summary.maxAbsOffsetSeconds()).isLessThan(1e-3);
    }
}
