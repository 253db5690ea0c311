package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClockUpdateTest {
    private static final long T0 = 1_795_681_550_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int REFID = 0xc0000201;

    private final PeerStatistics peer = new PeerStatistics(0.002, 0.020, 0.010, 0.001, T0, T0);

    @Test
    void takesTheStratumBelowTheSystemPeerAndItsReferenceId() {
        ClockUpdate update = ClockUpdate.fromSystemPeer(2, REFID, 0, 0, peer, T0, new CombinedOffset(0, 0), 0.001);

        assertThat(update.stratum()).isEqualTo(3);
        assertThat(update.referenceIdBits()).isEqualTo(REFID);
    }

    @Test
    void neverClaimsAStratumBeyondSixteen() {
        ClockUpdate update = ClockUpdate.fromSystemPeer(16, REFID, 0, 0, peer, T0, new CombinedOffset(0, 0), 0.001);

        assertThat(update.stratum()).isEqualTo(NtpConstants.MAXSTRAT);
    }

    @Test
    void addsThePeerDelayToItsRootDelay() {
        ClockUpdate update = ClockUpdate.fromSystemPeer(2, REFID, 0.030, 0, peer, T0, new CombinedOffset(0, 0), 0.001);

        assertThat(update.rootDelaySeconds()).isCloseTo(0.050, within(1e-15));
    }

    @Test
    void addsDispersionAgeingOffsetAndJitterToTheRootDispersion() {
        ClockUpdate update = ClockUpdate.fromSystemPeer(2, REFID, 0.030, 0.005, peer, T0 + 100 * SECOND,
                new CombinedOffset(-0.002, 0.003), 0.001);

        // 0.005 + 0.010 + 15e-6 × 100 + |−0.002| + 0.003
        assertThat(update.rootDispersionSeconds()).isCloseTo(0.0215, within(1e-15));
    }

    @Test
    void floorsTheDispersionIncrementAtMindist() {
        PeerStatistics quiet = new PeerStatistics(0, 0, 0.0001, 0, T0, T0);

        ClockUpdate update = ClockUpdate.fromSystemPeer(1, REFID, 0, 0.005, quiet, T0, new CombinedOffset(0, 0), 0.001);

        assertThat(update.rootDispersionSeconds()).isCloseTo(0.006, within(1e-15));
    }
}
