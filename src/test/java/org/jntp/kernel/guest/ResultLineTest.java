package org.jntp.kernel.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.Random;
import org.jntp.sim.PollIntervals;
import org.jntp.sim.SeedResult;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void readsBackExactlyWhatItWrote() {
        Random random = new Random(4);
        for (int i = 0; i < 200; i++) {
            ResultLine line = new ResultLine(random.nextBoolean() ? "jntp" : "chronyd", "lan-3f", randomResult(random));

            assertThat(ResultLine.parse(line.format())).contains(line);
        }
    }

    @Test
    void ignoresEveryOtherConsoleLine() {
        assertThat(ResultLine.parse("seed=1 first_below_1ms_s=7 settled_s=20 rms_offset_us=12.0")).isEmpty();
    }

    @Test
    void ignoresALineCutShort() {
        String whole = new ResultLine("jntp", "lan-1", randomResult(new Random(1))).format();

        assertThat(ResultLine.parse(whole.substring(0, whole.length() - 3))).isEmpty();
        assertThat(ResultLine.parse(whole.substring(0, whole.indexOf(" requests=")))).isEmpty();
    }

    private static SeedResult randomResult(Random random) {
        OptionalLong first = random.nextBoolean() ? OptionalLong.of(random.nextInt(20_000)) : OptionalLong.empty();
        OptionalLong settled = random.nextBoolean() ? OptionalLong.of(random.nextInt(20_000)) : OptionalLong.empty();
        return new SeedResult(random.nextInt(10) + 1, first, settled, random.nextInt(15_000),
                random.nextDouble() * 1e-3, random.nextDouble() * 1e-2, random.nextDouble() * 1e4,
                random.nextBoolean(), random.nextInt(100), new PollIntervals(random.nextLong(0, Long.MAX_VALUE / 2),
                random.nextInt(1000)), random.nextInt(1000), random.nextInt(1000));
    }
}
