package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

/**
 * Exchanges of NTPsec 1.2.2's ntpq and ntpd captured by scripts/capture-mode6-vectors.sh. NTPsec
 * writes variable lists with ntpd's line breaks and fragments at 468 octets, so given the same
 * values our writer must produce the same datagrams. The daemon was unsynchronised (leap 3,
 * status c016) because it runs with "disable ntp".
 */
class CapturedControlVectorsTest {
    private static final int SYSTEM_STATUS = 0xc016;
    private static final int PEER_STATUS = 0xb61a;
    private static final int PEER_ASSOCIATION = 17767;

    private static Variable unsigned(String name, long value) {
        return new Variable(name, new VariableValue.Unsigned(value));
    }

    private static Variable fixed(String name, double value, int decimals) {
        return new Variable(name, new VariableValue.Fixed(value, decimals));
    }

    private static Variable timestamp(String name, long bits) {
        return new Variable(name, new VariableValue.Timestamp(bits));
    }

    private static Variable text(String name, String value) {
        return new Variable(name, new VariableValue.Text(value));
    }

    /** NTPsec's default system variables, in its order and with its decimals. */
    private static List<Variable> systemVariables(double rootDelayMillis, double rootDispMillis, long reftime,
            long clock) {
        return List.of(unsigned("leap", 3), unsigned("stratum", 9), new Variable("precision", new VariableValue.Signed(-23)),
                fixed("rootdelay", rootDelayMillis, 3), fixed("rootdisp", rootDispMillis, 3),
                new Variable("refid", new VariableValue.RefId(new ReferenceId(0xC000_0204), 9)),
                timestamp("reftime", reftime), unsigned("tc", 4), unsigned("peer", PEER_ASSOCIATION),
                fixed("offset", 0, 6), fixed("frequency", 0, 6), fixed("sys_jitter", 0, 6),
                fixed("clk_jitter", 0.000119, 6), timestamp("clock", clock), text("processor", "x86_64"),
                text("system", "Linux/6.18.44-fc-v657"), text("version", "ntpd ntpsec-1.2.2"),
                fixed("clk_wander", 0, 6), unsigned("mintc", 0));
    }

    private static List<byte[]> answer(String request, int status, List<Variable> variables) {
        return ControlResponses.text(Vectors.request(request).header(), LeapIndicator.UNSYNCHRONIZED, status,
                VariableList.format(variables));
    }

    @Test
    void writesTheSystemVariablesOfNtpqRvAsNtpsecDid() {
        List<byte[]> datagrams = answer("ntpq-rv.request1", SYSTEM_STATUS,
                systemVariables(0.050, 437.558, 0xeeb2acdad9574cb0L, 0xeeb2acdcce355105L));

        assertThat(datagrams).hasSize(1);
        assertThat(datagrams.getFirst()).isEqualTo(Vectors.bytes("ntpq-rv.reply1"));
    }

    @Test
    void answersDebiansNtpstatInItsVersion2AsNtpsecDid() {
        List<byte[]> datagrams = answer("ntpstat-readvar-v2.request", SYSTEM_STATUS,
                systemVariables(0.042, 187.646, 0xeeb2acdcd8b29b8fL, 0xeeb2ace3f1e28e1aL));

        assertThat(datagrams).hasSize(1);
        assertThat(datagrams.getFirst()).isEqualTo(Vectors.bytes("ntpstat-readvar-v2.reply1"));
    }

    @Test
    void writesTheNamedVariablesOfRv0LeapStratumAsNtpsecDid() {
        ControlRequest request = Vectors.request("ntpq-rv0-leap-stratum.request2");
        VariableRequestParse asked = RequestedVariables.parse(request.data());

        assertThat(asked).isEqualTo(new VariableRequestParse.Parsed(
                List.of(RequestedVariable.named("leap"), RequestedVariable.named("stratum"))));
        assertThat(answer("ntpq-rv0-leap-stratum.request2", SYSTEM_STATUS,
                List.of(unsigned("leap", 3), unsigned("stratum", 9))))
                .singleElement().isEqualTo(Vectors.bytes("ntpq-rv0-leap-stratum.reply2"));
    }

    @Test
    void writesTheAssociationListOfNtpqAsAsNtpsecDid() {
        byte[] payload = Association.encode(List.of(new Association(PEER_ASSOCIATION, PeerStatus.decode(PEER_STATUS))));

        assertThat(ControlResponses.binary(Vectors.request("ntpq-as.request1").header(), LeapIndicator.UNSYNCHRONIZED,
                SYSTEM_STATUS, payload)).singleElement().isEqualTo(Vectors.bytes("ntpq-as.reply1"));
        assertThat(Association.decode(Vectors.fragment("ntpq-as.reply1").data()))
                .containsExactly(new Association(PEER_ASSOCIATION, PeerStatus.decode(PEER_STATUS)));
    }

    @Test
    void splitsThePeerVariablesIntoTheSameTwoFragmentsAsNtpsec() {
        FragmentAssembler assembler = new FragmentAssembler(2, ControlOpcode.READVAR.code(), 65_536);
        assertThat(assembler.offer(Vectors.fragment("ntpq-rv-assoc.reply3"))).isEqualTo(new Assembly.Waiting());
        Assembly whole = assembler.offer(Vectors.fragment("ntpq-rv-assoc.reply2"));
        assertThat(whole).isInstanceOf(Assembly.Complete.class);
        String payload = new String(((Assembly.Complete) whole).payload(), StandardCharsets.ISO_8859_1);
        assertThat(payload).endsWith("\r\n");

        List<Variable> variables = new ArrayList<>();
        for (String item : payload.substring(0, payload.length() - 2).split(",(?: |\r\n)")) {
            int equals = item.indexOf('=');
            variables.add(new Variable(item.substring(0, equals), new VariableValue.Word(item.substring(equals + 1))));
        }
        List<byte[]> datagrams = answer("ntpq-rv-assoc.request2", PEER_STATUS, variables);

        assertThat(variables.getFirst()).isEqualTo(new Variable("srcadr", new VariableValue.Word("192.0.2.4")));
        assertThat(datagrams).hasSize(2);
        assertThat(datagrams.get(0)).isEqualTo(Vectors.bytes("ntpq-rv-assoc.reply2"));
        assertThat(datagrams.get(1)).isEqualTo(Vectors.bytes("ntpq-rv-assoc.reply3"));
    }

    @Test
    void refusesAnUnknownOpcodeWithTheSameErrorResponseAsNtpsec() {
        RequestParse parsed = ControlRequest.parse(ByteBuffer.wrap(Vectors.bytes("bad-opcode.request")));

        assertThat(parsed).isInstanceOfSatisfying(RequestParse.Refused.class, refused -> {
            assertThat(refused.error()).isEqualTo(ControlError.BADOP);
            assertThat(ControlResponses.error(refused.header(), LeapIndicator.UNSYNCHRONIZED, refused.error()))
                    .isEqualTo(Vectors.bytes("bad-opcode.reply1"));
        });
    }

    @Test
    void answersAnUnknownVariableWithTheSameErrorResponseAsNtpsec() {
        ControlRequest request = Vectors.request("readvar-unknown.request");

        assertThat(RequestedVariables.parse(request.data()))
                .isEqualTo(new VariableRequestParse.Parsed(List.of(RequestedVariable.named("nosuchv\0"))));
        assertThat(ControlResponses.error(request.header(), LeapIndicator.UNSYNCHRONIZED, ControlError.UNKNOWNVAR))
                .isEqualTo(Vectors.bytes("readvar-unknown.reply1"));
    }

    @Test
    void readsTheStatusWordsNtpqPrinted() {
        assertThat(SystemStatus.decode(Vectors.fragment("ntpq-rv.reply1").header().status()).describe())
                .isEqualTo("leap_alarm, sync_unspec, 1 event, restart");
        assertThat(PeerStatus.decode(Vectors.fragment("ntpq-rv-assoc.reply2").header().status()).describe())
                .isEqualTo("conf, auth, reach, sel_sys.peer, 1 event, sys_peer");
    }
}
