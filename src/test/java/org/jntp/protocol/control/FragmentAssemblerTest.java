package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;

class FragmentAssemblerTest {
    private final FragmentAssembler assembler = new FragmentAssembler(5, 2, 2000);

    private static ResponseFragment fragment(int sequence, int opcode, int offset, int count, boolean more) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (offset + i);
        }
        return new ResponseFragment(new ControlHeader(LeapIndicator.NO_WARNING, 2, true, false, more, opcode,
                sequence, 0x0615, 0, offset, count), data);
    }

    private static ResponseFragment fragment(int offset, int count, boolean more) {
        return fragment(5, 2, offset, count, more);
    }

    private static Assembly.Rejected rejected(FragmentRejection reason) {
        return new Assembly.Rejected(reason);
    }

    @Test
    void completesASingleFragment() {
        assertThat(assembler.offer(fragment(0, 10, false))).isInstanceOf(Assembly.Complete.class);
    }

    @Test
    void completesWhenTheLastFragmentComesFirst() {
        assertThat(assembler.offer(fragment(100, 50, false))).isEqualTo(new Assembly.Waiting());
        assertThat(assembler.offer(fragment(0, 100, true))).isInstanceOfSatisfying(Assembly.Complete.class,
                complete -> assertThat(complete.payload()).hasSize(150).startsWith(0, 1, 2));
    }

    @Test
    void reportsTheGapsLeft() {
        assembler.offer(fragment(100, 50, true));
        assembler.offer(fragment(200, 10, false));

        assertThat(assembler.gaps()).containsExactly(new FragmentAssembler.Gap(0, 100), new FragmentAssembler.Gap(150, 50));
        assertThat(assembler.lastFragmentSeen()).isTrue();
    }

    @Test
    void setsADuplicateAside() {
        assembler.offer(fragment(0, 100, true));

        assertThat(assembler.offer(fragment(0, 100, true))).isEqualTo(rejected(FragmentRejection.DUPLICATE));
    }

    @Test
    void setsAnOverlapAside() {
        assembler.offer(fragment(100, 100, true));

        assertThat(assembler.offer(fragment(50, 60, true))).isEqualTo(rejected(FragmentRejection.OVERLAP));
        assertThat(assembler.offer(fragment(150, 100, true))).isEqualTo(rejected(FragmentRejection.OVERLAP));
    }

    @Test
    void setsASecondLastFragmentAside() {
        assembler.offer(fragment(100, 10, false));

        assertThat(assembler.offer(fragment(50, 10, false))).isEqualTo(rejected(FragmentRejection.SECOND_LAST_FRAGMENT));
    }

    @Test
    void setsDataBeyondTheLastFragmentAside() {
        assembler.offer(fragment(100, 10, false));

        assertThat(assembler.offer(fragment(110, 10, true))).isEqualTo(rejected(FragmentRejection.BEYOND_LAST));
    }

    @Test
    void setsALastFragmentEndingBeforeReceivedDataAside() {
        assembler.offer(fragment(200, 10, true));

        assertThat(assembler.offer(fragment(100, 10, false))).isEqualTo(rejected(FragmentRejection.BEYOND_LAST));
    }

    @Test
    void setsAnEmptyNonFinalFragmentAside() {
        assertThat(assembler.offer(fragment(0, 0, true))).isEqualTo(rejected(FragmentRejection.EMPTY_NON_FINAL));
    }

    @Test
    void setsDataBeyondTheSizeBoundAside() {
        assertThat(assembler.offer(fragment(1900, 101, true))).isEqualTo(rejected(FragmentRejection.TOO_LARGE));
    }

    @Test
    void setsTheThirtyThirdFragmentAside() {
        FragmentAssembler big = new FragmentAssembler(5, 2, 65_536);
        for (int i = 0; i < FragmentAssembler.MAX_FRAGMENTS; i++) {
            assertThat(big.offer(fragment(i * 10, 10, true))).isEqualTo(new Assembly.Waiting());
        }

        assertThat(big.offer(fragment(320, 10, false))).isEqualTo(rejected(FragmentRejection.TOO_MANY_FRAGMENTS));
    }

    @Test
    void setsOtherRequestsFragmentsAside() {
        assertThat(assembler.offer(fragment(4, 2, 0, 10, false))).isEqualTo(rejected(FragmentRejection.WRONG_SEQUENCE));
        assertThat(assembler.offer(fragment(5, 1, 0, 10, false))).isEqualTo(rejected(FragmentRejection.WRONG_OPCODE));
    }

    @Test
    void setsFragmentsAfterCompletionAside() {
        assembler.offer(fragment(0, 10, false));

        assertThat(assembler.offer(fragment(10, 10, true))).isEqualTo(rejected(FragmentRejection.ALREADY_DONE));
    }

    @Test
    void failsOnAnErrorResponse() {
        ResponseFragment error = Vectors.fragment("readvar-unknown.reply1");
        FragmentAssembler forUnknown = new FragmentAssembler(7, 2, 2000);

        assertThat(forUnknown.offer(error)).isEqualTo(new Assembly.Failed(ControlError.UNKNOWNVAR.code()));
    }

    @Test
    void completesWithAnEmptyFinalFragmentAfterFullOnes() {
        assembler.offer(fragment(0, 468, true));

        assertThat(assembler.offer(fragment(468, 0, false))).isInstanceOfSatisfying(Assembly.Complete.class,
                complete -> assertThat(complete.payload()).hasSize(468));
    }
}
