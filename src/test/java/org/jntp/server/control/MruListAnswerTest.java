package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.server.control.ControlStates.KEY;
import static org.jntp.server.control.ControlStates.MONO_NANOS;
import static org.jntp.server.control.ControlStates.NOW_NANOS;
import static org.jntp.server.control.ControlStates.REMOTE_CLIENT;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.NonceProof;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruEntry;
import org.junit.jupiter.api.Test;

/** {@code ntpq mrulist} from another host: REQ_NONCE, then READ_MRU with the nonce. */
class MruListAnswerTest {
    private static final long SECOND = 1_000_000_000L;
    /** Newest first, as the MRU list gives them: .3 heard 1 s ago, .2 5 s ago, .1 60 s ago. */
    private static final List<MruEntry> MRU = List.of(
            entry(3, MONO_NANOS - SECOND, 1),
            entry(2, MONO_NANOS - 5 * SECOND, 7),
            entry(1, MONO_NANOS - 60 * SECOND, 2));

    private static MruEntry entry(int host, long lastMonoNanos, int count) {
        return new MruEntry(IpAddress.parseLiteral("198.51.100." + host).orElseThrow(), 123, lastMonoNanos - SECOND,
                lastMonoNanos, count, 0, 3, 4);
    }

    private static ControlExchange ask(ControlOpcode opcode, String data) {
        byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate((ControlHeader.LENGTH + octets.length + 3) & ~3);
        new ControlHeader(LeapIndicator.NO_WARNING, 2, false, false, false, opcode.code(), 9, 0, 0, 0, octets.length)
                .write(request, 0);
        request.put(ControlHeader.LENGTH, octets);
        return new ControlExchange(ControlStates.server(ControlStates.synchronised(), MRU)
                .answer(request, REMOTE_CLIENT, NOW_NANOS, MONO_NANOS));
    }

    private static String nonce() {
        return KEY.issue(REMOTE_CLIENT, NOW_NANOS - SECOND);
    }

    @Test
    void reqNonceAnswersWithANonceForTheClient() {
        String text = ask(ControlOpcode.REQ_NONCE, " ".repeat(NonceProof.NONCE_REQUEST_PADDING)).text();

        assertThat(text).matches("nonce=[0-9a-f]{24}\r\n");
        assertThat(KEY.accepts(text.substring(6, 30), REMOTE_CLIENT, NOW_NANOS)).isTrue();
    }

    @Test
    void sendsTheEntriesOldestFirstAndSaysTheListIsDone() {
        ControlExchange answer = ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", frags=32");

        assertThat(answer.names()).containsExactly("nonce", "addr.0", "last.0", "first.0", "ct.0", "mv.0", "rs.0",
                "addr.1", "last.1", "first.1", "ct.1", "mv.1", "rs.1", "addr.2", "last.2", "first.2", "ct.2", "mv.2",
                "rs.2", "now", "last.newest");
        assertThat(answer.value("addr.0")).isEqualTo("198.51.100.1:123");
        assertThat(answer.value("ct.1")).isEqualTo("7");
        assertThat(answer.value("mv.2")).isEqualTo("35");
        assertThat(answer.value("rs.2")).isEqualTo("0x0");
        assertThat(answer.value("last.newest")).isEqualTo(answer.value("last.2"));
    }

    @Test
    void givesNoAnswerWithoutANonce() {
        assertThat(ask(ControlOpcode.READ_MRU, "frags=32").datagrams()).isEmpty();
    }

    @Test
    void givesNoAnswerToANonceIssuedToAnotherAddress() {
        String other = KEY.issue(new InetSocketAddress(REMOTE_CLIENT.getAddress(), 1), NOW_NANOS);

        assertThat(ask(ControlOpcode.READ_MRU, "nonce=" + other + ", frags=32").datagrams()).isEmpty();
    }

    @Test
    void givesNoAnswerToAStaleNonce() {
        String stale = KEY.issue(REMOTE_CLIENT, NOW_NANOS - 20 * SECOND);

        assertThat(ask(ControlOpcode.READ_MRU, "nonce=" + stale + ", frags=32").datagrams()).isEmpty();
    }

    @Test
    void neitherFragsNorLimitIsABadValue() {
        assertThat(ask(ControlOpcode.READ_MRU, "nonce=" + nonce()).header().errorCode())
                .isEqualTo(ControlError.BADVALUE.code());
        assertThat(ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", limit=257").header().errorCode())
                .isEqualTo(ControlError.BADVALUE.code());
        assertThat(ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", frags=129").header().errorCode())
                .isEqualTo(ControlError.BADVALUE.code());
    }

    @Test
    void aLimitStopsBeforeTheEndWithoutNow() {
        ControlExchange answer = ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", limit=2");

        assertThat(answer.names()).contains("addr.1").doesNotContain("addr.2", "now");
    }

    @Test
    void goesOnAfterTheClientsLastEntry() {
        ControlExchange first = ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", limit=2");

        ControlExchange next = ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", limit=2, last.0="
                + first.value("last.1") + ", addr.0=" + first.value("addr.1"));

        assertThat(next.value("addr.older")).isEqualTo("198.51.100.2:123");
        assertThat(next.value("addr.0")).isEqualTo("198.51.100.3:123");
        assertThat(next.names()).contains("now");
    }

    @Test
    void anEntryTheListNoLongerHasUnchangedGetsUnknownvar() {
        ControlExchange answer = ask(ControlOpcode.READ_MRU, "nonce=" + nonce()
                + ", limit=2, last.0=0x00000001.00000000, addr.0=198.51.100.2:123");

        assertThat(answer.header().errorCode()).isEqualTo(ControlError.UNKNOWNVAR.code());
    }

    @Test
    void leavesOutEntriesBelowMincountAndHeardFromTooLongAgo() {
        ControlExchange answer = ask(ControlOpcode.READ_MRU, "nonce=" + nonce() + ", frags=32, mincount=2,"
                + " maxlstint=30");

        List<String> addresses = new ArrayList<>();
        for (String name : answer.names()) {
            if (name.startsWith("addr.")) {
                addresses.add(answer.value(name));
            }
        }
        assertThat(addresses).containsExactly("198.51.100.2:123");
    }
}
