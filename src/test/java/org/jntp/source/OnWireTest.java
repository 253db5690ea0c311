package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.jntp.discipline.Sample;
import org.junit.jupiter.api.Test;

class OnWireTest {
    private static final long SECOND = 1_000_000_000L;
    /** 2036-02-07T06:28:16Z, where the NTP era 0 ends and the timestamp's seconds wrap to 0. */
    private static final long ERA_1_UNIX_NANOS = 2_085_978_496L * SECOND;
    private static final int PRECISION_LOG2 = -30;

    /** One exchange through a fresh source: request at T1, reply with T2 and T3, arriving at T4. */
    private static Sample measure(long t1, long t2, long t3, long t4) {
        ClientSource source = new ClientSource(new PollSettings(6, 10, 4, false, false, false), PRECISION_LOG2, 0);
        Request request = source.poll(0, t1, new FixedRandom(0)).orElseThrow();
        byte[] reply = PacketBuilder.replyTo(request, t2, t3).bytes();
        return ((Reply.Measured) source.receive(reply, reply.length, request.id(), t4, 0, 1)).sample();
    }

    private static double expectedOffsetSeconds(long t1, long t2, long t3, long t4) {
        return ((t2 - t1) + (t3 - t4)) / 2e9;
    }

    private static double expectedDelaySeconds(long t1, long t2, long t3, long t4) {
        return Math.max(Math.abs((t4 - t1) - (t3 - t2)) / 1e9, Math.scalb(1.0, PRECISION_LOG2));
    }

    @Test
    void takesT1FromTheSendWhenTheSenderReportsIt() {
        ClientSource source = new ClientSource(new PollSettings(6, 10, 4, false, false, false), PRECISION_LOG2, 0);
        Request request = source.poll(0, 1_000 * SECOND, new FixedRandom(0)).orElseThrow();
        source.transmitted(request.id(), 1_000 * SECOND + 300_000, 1_000 * SECOND + 350_000);
        byte[] reply = PacketBuilder.replyTo(request, 1_000 * SECOND + 800_000, 1_000 * SECOND + 800_000).bytes();

        Sample sample = ((Reply.Measured) source.receive(reply, reply.length, request.id(),
                1_000 * SECOND + 1_300_000, 0, 1)).sample();

        assertThat(sample.offsetSeconds()).isCloseTo(0, within(1e-12));
        assertThat(sample.delaySeconds()).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void ignoresASendTimeForARequestNoLongerOutstanding() {
        ClientSource source = new ClientSource(new PollSettings(6, 10, 4, false, false, false), PRECISION_LOG2, 0);
        Request request = source.poll(0, 1_000 * SECOND, new FixedRandom(0)).orElseThrow();
        source.transmitted(request.id() + 1, 1_000 * SECOND + 300_000, 1_000 * SECOND + 350_000);
        byte[] reply = PacketBuilder.replyTo(request, 1_000 * SECOND + 500_000, 1_000 * SECOND + 500_000).bytes();

        Sample sample = ((Reply.Measured) source.receive(reply, reply.length, request.id(),
                1_000 * SECOND + 1_000_000, 0, 1)).sample();

        assertThat(sample.delaySeconds()).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void measuresAcrossThe2036EraRollover() {
        long t1 = ERA_1_UNIX_NANOS - 3_000_000;
        long t2 = ERA_1_UNIX_NANOS + 500_000_000;
        long t3 = t2 + 1_000_000;
        long t4 = ERA_1_UNIX_NANOS + 5_000_000;

        Sample sample = measure(t1, t2, t3, t4);

        assertThat(sample.offsetSeconds()).isCloseTo(0.4995, within(1e-12));
        assertThat(sample.delaySeconds()).isCloseTo(0.007, within(1e-12));
    }

    @Test
    void offsetAndDelayFollowTheFormulaForArbitraryTimestamps() {
        Random random = new Random(20_360_207);
        for (int i = 0; i < 2_000; i++) {
            long t1 = random.nextBoolean()
                    ? random.nextLong(0, 4_000_000_000L * SECOND)
                    : ERA_1_UNIX_NANOS + random.nextLong(-10 * SECOND, 10 * SECOND);
            long offset = random.nextLong(-1_000_000 * SECOND, 1_000_000 * SECOND);
            long t2 = t1 + offset + random.nextLong(0, 2 * SECOND);
            long t3 = t2 + random.nextLong(0, SECOND / 10);
            long t4 = t3 - offset + random.nextLong(0, 2 * SECOND);

            Sample sample = measure(t1, t2, t3, t4);

            String exchange = "T1..T4 " + t1 + " " + t2 + " " + t3 + " " + t4;
            assertThat(sample.offsetSeconds()).as(exchange)
                    .isCloseTo(expectedOffsetSeconds(t1, t2, t3, t4), within(1e-9));
            assertThat(sample.delaySeconds()).as(exchange)
                    .isCloseTo(expectedDelaySeconds(t1, t2, t3, t4), within(1e-9));
            assertThat(sample.epochNanos()).isEqualTo(t4);
        }
    }
}
