package org.jntp.refclock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.SystemVariables;
import org.junit.jupiter.api.Test;

class LocalClockTest {
    private static final long NOW_NANOS = 1_795_681_550_000_000_000L;

    @Test
    void servesItsFudgedStratumAndLoclAsSynchronised() {
        SystemVariables sys = new LocalClock(8, LocalClock.DEFAULT_REFERENCE_ID).poll(NOW_NANOS, -24);

        assertThat(sys.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(sys.stratum()).isEqualTo(8);
        assertThat(sys.packetStratum()).isEqualTo(8);
        assertThat(sys.precisionLog2()).isEqualTo(-24);
        assertThat(sys.referenceIdBits()).isEqualTo(ReferenceId.ofAscii("LOCL").bits());
        assertThat(sys.rootDelayNanos()).isZero();
        assertThat(sys.rootDispersionNanos()).isEqualTo(10_000_000L);
    }

    @Test
    void takesThePollTimeAsTheReferenceTime() {
        assertThat(new LocalClock(5, LocalClock.DEFAULT_REFERENCE_ID).poll(NOW_NANOS, -20).referenceTimeNanos())
                .isEqualTo(NOW_NANOS);
    }

    @Test
    void refusesAStratumNtpCannotCarry() {
        assertThatThrownBy(() -> new LocalClock(16, LocalClock.DEFAULT_REFERENCE_ID))
                .hasMessageContaining("0..15");
    }
}
