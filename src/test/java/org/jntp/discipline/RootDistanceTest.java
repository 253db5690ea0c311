package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RootDistanceTest {
    private static final long T0 = 1_795_681_550_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void sumsHalfTheDelaysTheDispersionsTheirAgeingAndTheJitter() {
        PeerStatistics peer = new PeerStatistics(0.004, 0.020, 0.010, 0.002, T0, T0);

        double lambda = RootDistance.of(peer, 0.030, 0.005, T0 + 100 * SECOND, 0.001);

        // (0.030 + 0.020)/2 + 0.005 + 0.010 + 15e-6 × 100 + 0.002
        assertThat(lambda).isCloseTo(0.0435, within(1e-12));
    }

    @Test
    void neverFallsBelowMindist() {
        PeerStatistics peer = new PeerStatistics(0, 0, 0, 0, T0, T0);

        assertThat(RootDistance.of(peer, 0, 0, T0, 0.001)).isEqualTo(0.001);
    }

    @Test
    void ofAnEmptyFilterIsBeyondMaxdist() {
        PeerStatistics peer = PeerStatistics.empty(1e-6);

        assertThat(RootDistance.of(peer, 0, 0, T0, 0.001)).isGreaterThan(NtpConstants.MAXDIST);
    }
}
