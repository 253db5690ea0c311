package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The per-packet primitives must not allocate: measured with the JVM's per-thread allocation counter. */
class HotPathAllocationTest {
    private static final int ROUNDS = 200_000;
    private static final long LESS_THAN_A_BYTE_PER_ROUND = ROUNDS;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes(Runnable round) {
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static ByteBuffer request() {
        ByteBuffer buf = ByteBuffer.allocateDirect(512);
        NtpHeader.clientRequest(4, new NtpTimestamp(0xe93c7f00_80000000L)).encode(buf);
        return buf;
    }

    @Test
    void checkDoesNotAllocate() {
        ByteBuffer buf = request();
        PacketShape[] last = new PacketShape[1];

        long bytes = allocatedBytes(() -> last[0] = NtpPacket.check(buf, 48));

        assertThat(last[0]).isEqualTo(PacketShape.VALID);
        assertThat(bytes).isLessThan(LESS_THAN_A_BYTE_PER_ROUND);
    }

    @Test
    void answeringThroughHeaderViewDoesNotAllocate() {
        ByteBuffer buf = request();
        long[] now = {0x6000_0000_0000_0000L};

        long bytes = allocatedBytes(() -> {
            long receive = NtpTimestamp.bitsOfUnixNanos(now[0]++);
            HeaderView.putOriginTimeBits(buf, HeaderView.transmitTimeBits(buf));
            HeaderView.putLeapVersionMode(buf, LeapIndicator.NO_WARNING, HeaderView.version(buf), Mode.SERVER);
            HeaderView.putPoll(buf, Math.max(HeaderView.poll(buf), 4));
            HeaderView.putRootDelayBits(buf, NtpShort.bitsOfNanos(now[0]));
            HeaderView.putReceiveTimeBits(buf, receive);
            HeaderView.putTransmitTimeBits(buf, NtpTimestamp.unixNanosOfBits(receive, now[0]));
        });

        assertThat(bytes).isLessThan(LESS_THAN_A_BYTE_PER_ROUND);
    }

    @Test
    void rewritingAsKissOfDeathDoesNotAllocate() {
        ByteBuffer buf = request();
        int rate = KissCode.RATE.referenceId().bits();

        long bytes = allocatedBytes(() -> HeaderView.rewriteAsKissOfDeath(buf, rate, 3));

        assertThat(bytes).isLessThan(LESS_THAN_A_BYTE_PER_ROUND);
    }
}
