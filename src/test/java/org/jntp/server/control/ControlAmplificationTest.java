package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.junit.jupiter.api.Test;

/**
 * Mode 6 as an amplifier (the attack catalogue's "readvar from a spoofed address"): what a 12-byte
 * request draws. jntp, as ntpd, answers READVAR to anyone not restricted, as ntpq needs it: a
 * system READVAR draws 352 bytes (29 times the request), one datagram, where ntpd's may fill a
 * whole fragment (480 bytes, 40 times); an association's draws 536 bytes (45 times) in two. The
 * defence against spoofed queries is therefore
 * {@code restrict default noquery} (see {@code NtpServerTest.dropsAndCountsAsRestrictedAControlRequestUnderNoquery}),
 * and READ_MRU, the one long answer, needs a nonce (see {@code MruListAnswerTest.givesNoAnswerWithoutANonce}).
 */
class ControlAmplificationTest {
    /** A full mode 6 datagram (480 bytes) to the shortest request (12): ntpd's fragment size. */
    private static final double ONE_DATAGRAM_FACTOR = (double) (ControlHeader.LENGTH + ControlHeader.MAX_DATA_LENGTH)
            / ControlHeader.LENGTH;

    /** Bytes answered for each byte of the 12-byte request. */
    private static double amplification(ControlExchange exchange) {
        return exchange.datagrams().stream().mapToInt(datagram -> datagram.length).sum() / (double) ControlHeader.LENGTH;
    }

    @Test
    void answersASystemReadvarWithinOneDatagram() {
        ControlExchange exchange = ControlExchange.ask(ControlStates.synchronised(), ControlOpcode.READVAR, 0, "");

        assertThat(exchange.datagrams()).hasSize(1);
        assertThat(amplification(exchange)).as("352 bytes to 12 measured").isLessThanOrEqualTo(ONE_DATAGRAM_FACTOR);
    }

    @Test
    void answersAnAssociationReadvarWithinTwoDatagrams() {
        ControlExchange exchange = ControlExchange.ask(ControlStates.synchronised(), ControlOpcode.READVAR,
                ControlStates.SERVER_ID, "");

        assertThat(exchange.datagrams()).hasSizeLessThanOrEqualTo(2);
        assertThat(amplification(exchange)).as("536 bytes to 12 measured").isLessThanOrEqualTo(2 * ONE_DATAGRAM_FACTOR);
    }
}
