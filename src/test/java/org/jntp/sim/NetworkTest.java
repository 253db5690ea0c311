package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final int PACKETS = 200_000;

    private static double meanDelaySeconds(Network network, Network.Direction direction) {
        double sum = 0;
        for (int i = 0; i < PACKETS; i++) {
            sum += network.transitNanos(direction).orElseThrow() / 1e9;
        }
        return sum / PACKETS;
    }

    @Test
    void meanDelayIsBasePlusJitter() {
        Network network = new Network(Delay.WAN, Delay.WAN, 0, new SplittableRandom(1));

        assertThat(meanDelaySeconds(network, Network.Direction.UP)).isCloseTo(2e-3, within(2e-5));
    }

    @Test
    void noPacketIsFasterThanTheBaseDelay() {
        Network network = new Network(Delay.LAN, Delay.LAN, 0, new SplittableRandom(2));
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < PACKETS; i++) {
            fastest = Math.min(fastest, network.transitNanos(Network.Direction.DOWN).orElseThrow());
        }

        assertThat(fastest).isBetween(100_000L, 100_100L);
    }

    @Test
    void jitterIsExponential() {
        // an exponential's standard deviation equals its mean
        Network network = new Network(Delay.LAN, Delay.LAN, 0, new SplittableRandom(3));
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < PACKETS; i++) {
            double jitter = network.transitNanos(Network.Direction.UP).orElseThrow() / 1e9 - 1e-4;
            sum += jitter;
            sumOfSquares += jitter * jitter;
        }
        double mean = sum / PACKETS;
        double deviation = Math.sqrt(sumOfSquares / PACKETS - mean * mean);

        assertThat(deviation).isCloseTo(1e-4, within(2e-6));
    }

    @Test
    void eachDirectionHasItsOwnDelay() {
        Network network = new Network(new Delay(5e-3, 0), new Delay(1e-3, 1e-3), 0, new SplittableRandom(4));

        assertThat(meanDelaySeconds(network, Network.Direction.UP)).isCloseTo(5e-3, within(1e-9));
        assertThat(meanDelaySeconds(network, Network.Direction.DOWN)).isCloseTo(2e-3, within(2e-5));
    }

    @Test
    void losesPacketsAtTheLossRate() {
        Network network = new Network(Delay.LAN, Delay.LAN, 0.1, new SplittableRandom(5));
        int lost = 0;
        for (int i = 0; i < PACKETS; i++) {
            lost += network.transitNanos(Network.Direction.UP).isEmpty() ? 1 : 0;
        }

        assertThat(lost / (double) PACKETS).isCloseTo(0.1, within(0.003));
    }

    @Test
    void aLostPacketDrawsAsMuchAsADeliveredOne() {
        Network lossy = new Network(Delay.LAN, Delay.LAN, 0.5, new SplittableRandom(6));
        Network lossless = new Network(Delay.LAN, Delay.LAN, 0, new SplittableRandom(6));
        for (int i = 0; i < 1000; i++) {
            OptionalLong withLoss = lossy.transitNanos(Network.Direction.UP);
            OptionalLong without = lossless.transitNanos(Network.Direction.UP);
            withLoss.ifPresent(nanos -> assertThat(nanos).isEqualTo(without.orElseThrow()));
        }
    }
}
