package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.server.control.ControlStates.CLIENT;
import static org.jntp.server.control.ControlStates.KEY;
import static org.jntp.server.control.ControlStates.NOW_NANOS;
import static org.jntp.server.control.ControlStates.REMOTE_CLIENT;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.NonceProof;
import org.jntp.server.access.MruEntry;
import org.junit.jupiter.api.Test;

/**
 * Mode 6 as an amplifier (the attack catalogue's "readvar from a spoofed address"): ntpd answers a
 * 12-octet system READVAR from anyone not under {@code noquery} with a whole fragment (480 octets,
 * 40 times the request). jntp answers a source that has not shown it receives at its address with
 * no more octets than it sent; ntpq on this host (loopback), or on another host with a nonce it got
 * there, gets the whole answer.
 */
class ControlAmplificationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final ControlServer SERVER = ControlStates.server(ControlStates.synchronised(), List.<MruEntry>of());

    private static ControlExchange ask(InetSocketAddress client, ControlOpcode opcode, int associationId, String data) {
        return ControlExchange.ask(SERVER, client, 2, opcode, associationId, data);
    }

    private static String withNonce(String nonce, String data) {
        return "nonce=" + nonce + (data.isEmpty() ? "" : ", " + data);
    }

    @Test
    void answersASpoofableSourcesSystemReadvarWithNoMoreOctetsThanItSent() {
        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.READVAR, 0, "");

        assertThat(exchange.octets()).isLessThanOrEqualTo(ControlExchange.requestLength(""));
        assertThat(exchange.header().errorCode()).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void answersASpoofableSourcesAssociationReadvarWithNoMoreOctetsThanItSent() {
        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.READVAR, ControlStates.SERVER_ID, "");

        assertThat(exchange.octets()).isLessThanOrEqualTo(ControlExchange.requestLength(""));
        assertThat(exchange.header().errorCode()).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void answersAShortNonceRequestFromAnotherHostWithTheRefusalOnly() {
        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.REQ_NONCE, 0, "");

        assertThat(exchange.octets()).isEqualTo(ControlHeader.LENGTH);
        assertThat(exchange.header().errorCode()).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void answersANonceRequestPaddedToTheNoncesLengthWithTheNonce() {
        String padding = " ".repeat(NonceProof.NONCE_REQUEST_PADDING);

        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.REQ_NONCE, 0, padding);

        assertThat(exchange.text()).matches("nonce=[0-9a-f]{24}\r\n");
        assertThat(exchange.octets()).isLessThanOrEqualTo(ControlExchange.requestLength(padding));
    }

    @Test
    void answersAReadvarThatStartsWithTheNonceIssuedToItsSourceInFull() {
        String nonce = KEY.issue(REMOTE_CLIENT, NOW_NANOS - SECOND);

        ControlExchange proven = ask(REMOTE_CLIENT, ControlOpcode.READVAR, 0, withNonce(nonce, ""));
        ControlExchange local = ask(CLIENT, ControlOpcode.READVAR, 0, "");

        assertThat(proven.header().error()).isFalse();
        assertThat(proven.text()).isEqualTo(local.text());
        assertThat(proven.octets()).isGreaterThan(ControlExchange.requestLength(withNonce(nonce, "")));
    }

    @Test
    void readsTheVariablesNamedAfterTheNonce() {
        String nonce = KEY.issue(REMOTE_CLIENT, NOW_NANOS - SECOND);

        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.READVAR, 0, withNonce(nonce, "stratum,refid"));

        assertThat(exchange.names()).containsExactly("stratum", "refid");
    }

    @Test
    void refusesANonceIssuedToAnotherAddress() {
        InetSocketAddress other = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), REMOTE_CLIENT.getPort());
        String nonce = KEY.issue(other, NOW_NANOS - SECOND);

        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.READVAR, 0, withNonce(nonce, ""));

        assertThat(exchange.header().errorCode()).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void refusesANonceOlderThanSixteenSeconds() {
        String nonce = KEY.issue(REMOTE_CLIENT, NOW_NANOS - 17 * SECOND);

        ControlExchange exchange = ask(REMOTE_CLIENT, ControlOpcode.READVAR, 0, withNonce(nonce, ""));

        assertThat(exchange.header().errorCode()).isEqualTo(ControlError.PERMISSION.code());
    }

    @Test
    void answersNtpqOnThisHostInFullAsNtpdDoes() {
        ControlExchange system = ask(CLIENT, ControlOpcode.READVAR, 0, "");
        ControlExchange association = ask(CLIENT, ControlOpcode.READVAR, ControlStates.SERVER_ID, "");

        assertThat(system.datagrams()).hasSize(1);
        assertThat(system.header().error()).isFalse();
        assertThat(association.datagrams()).hasSizeLessThanOrEqualTo(2);
        assertThat(association.header().error()).isFalse();
    }

    @Test
    void answersInFullASourceTheDaemonKnowsIsOnThisHost() {
        ByteBuffer request = ByteBuffer.wrap(ControlRequest.of(2, ControlOpcode.READVAR, 7, 0, new byte[0]).encode());

        List<byte[]> answer = SERVER.answer(request, REMOTE_CLIENT, true, NOW_NANOS, ControlStates.MONO_NANOS, true);

        assertThat(ControlHeader.read(ByteBuffer.wrap(answer.getFirst()), 0).error()).isFalse();
    }

    @Test
    void answersAnIpv6LoopbackSourceInFull() {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.ofLiteral("::1"), 40123);

        assertThat(ask(loopback, ControlOpcode.READVAR, 0, "").header().error()).isFalse();
    }
}
