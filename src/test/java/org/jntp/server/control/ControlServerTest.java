package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.server.control.ControlExchange.ask;
import static org.jntp.server.control.ControlStates.LOCAL_ID;
import static org.jntp.server.control.ControlStates.SERVER_ID;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.SystemStatus;
import org.junit.jupiter.api.Test;

class ControlServerTest {
    private static final ControlState STATE = ControlStates.synchronised();

    private static List<byte[]> answer(ByteBuffer datagram) {
        return ControlStates.server(STATE).answer(datagram, ControlStates.CLIENT, ControlStates.NOW_NANOS,
                ControlStates.MONO_NANOS);
    }

    @Test
    void readstatListsEveryAssociationByAscendingIdWithItsPeerStatusWord() {
        ControlExchange answer = ask(STATE, ControlOpcode.READSTAT, 0, "");

        List<Association> associations = Association.decode(answer.data());
        assertThat(associations).extracting(Association::associationId).containsExactly(LOCAL_ID, SERVER_ID);
        assertThat(associations.get(1).status().selection()).isEqualTo(PeerSelection.SYS_PEER);
        assertThat(associations.get(1).status().word()).isEqualTo(0x961a);
    }

    @Test
    void readstatCarriesTheSystemStatusWord() {
        SystemStatus status = SystemStatus.decode(ask(STATE, ControlOpcode.READSTAT, 0, "").header().status());

        assertThat(status.describe()).isEqualTo("leap_none, sync_ntp, 1 event, clock_sync");
    }

    @Test
    void readstatOfOneAssociationSendsItsDefaultVariables() {
        ControlExchange answer = ask(STATE, ControlOpcode.READSTAT, SERVER_ID, "");

        assertThat(answer.header().status()).isEqualTo(0x961a);
        assertThat(answer.names()).startsWith("srcadr", "srcport", "dstadr");
    }

    @Test
    void readvarWithoutNamesSendsNtpdsDefaultSystemVariablesInItsOrder() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "");

        assertThat(answer.names()).containsExactly("version", "processor", "system", "leap", "stratum", "precision",
                "rootdelay", "rootdisp", "refid", "reftime", "clock", "peer", "tc", "mintc", "offset", "frequency",
                "sys_jitter", "clk_jitter", "clk_wander");
    }

    @Test
    void writesSystemVariablesAsNtpdDoes() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "");

        assertThat(answer.value("version")).isEqualTo("\"ntpd jntp-1.0\"");
        assertThat(answer.value("system")).isEqualTo("\"Linux/6.1.0-18-amd64\"");
        assertThat(answer.value("leap")).isEqualTo("0");
        assertThat(answer.value("stratum")).isEqualTo("9");
        assertThat(answer.value("precision")).isEqualTo("-24");
        assertThat(answer.value("rootdelay")).isEqualTo("0.050");
        assertThat(answer.value("rootdisp")).isEqualTo("1.255");
        assertThat(answer.value("refid")).isEqualTo("192.0.2.4");
        assertThat(answer.value("reftime")).matches("0x[0-9a-f]{8}\\.[0-9a-f]{8}");
        assertThat(answer.value("peer")).isEqualTo("2");
        assertThat(answer.value("tc")).isEqualTo("6");
        assertThat(answer.value("mintc")).isEqualTo("3");
        assertThat(answer.value("offset")).isEqualTo("0.016800");
        assertThat(answer.value("frequency")).isEqualTo("-12.500");
        assertThat(answer.value("sys_jitter")).isEqualTo("0.007700");
        assertThat(answer.value("clk_jitter")).isEqualTo("0.060");
        assertThat(answer.value("clk_wander")).isEqualTo("0.002");
    }

    @Test
    void everythingDebiansNtpstatReadsComesInTheFirstFragment() {
        HostInfo longHost = new HostInfo("ntpd jntp-" + "9".repeat(40), "x86_64", "Linux/" + "6".repeat(60));
        SystemState system = ControlStates.system(SERVER_ID);
        SystemState worst = new SystemState(longHost, system.leap(), 15, system.precisionLog2(), 15.999, 15.999,
                0xFFFFFFFF, system.referenceTimeNanos(), SERVER_ID, system.source(), 17, 3, -999.9, -500, 1, 1, 1, 0,
                system.events());
        ControlExchange answer = ask(new ControlState(worst, STATE.associations()), ControlOpcode.READVAR, 0, "");

        String first = new String(answer.datagrams().getFirst(), 12, answer.header().count(),
                StandardCharsets.ISO_8859_1);
        assertThat(first).contains("stratum=15,", "rootdelay=15999.000,", "rootdisp=15999.000,",
                "refid=255.255.255.255,", "tc=17,", "peer=2,");
    }

    @Test
    void showsTheServersStatisticsAsNtpqsSysstatsAsksForThem() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0,
                "ss_uptime, ss_received, ss_processed, ss_kodsent, ss_badauth, mru_depth, mru_maxdepth");

        assertThat(answer.text()).isEqualTo("mru_depth=12, mru_maxdepth=600, ss_uptime=3600, ss_received=1000,"
                + "\r\nss_badauth=3, ss_kodsent=0, ss_processed=990\r\n");
    }

    @Test
    void showsTheMruListAsNtpqsMonstatsAsksForIt() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0,
                "mru_enabled, mru_depth, mru_deepest, mru_maxdepth, mru_mindepth, mru_maxage, mru_mem, mru_maxmem");

        assertThat(answer.text()).contains("mru_depth=12", "mru_deepest=12", "mru_mindepth=400", "mru_maxage=64",
                "mru_maxdepth=600", "mru_mem=1", "mru_maxmem=52");
    }

    @Test
    void showsEveryNtsCounterNtpsecsNtpqAsksFor() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "nts_client_send, nts_client_recv_good,"
                + " nts_client_recv_bad, nts_server_recv_good, nts_server_recv_bad, nts_server_send, nts_cookie_make,"
                + " nts_cookie_decode, nts_cookie_decode_old, nts_cookie_decode_old2, nts_cookie_decode_older,"
                + " nts_cookie_decode_too_old, nts_cookie_decode_error, nts_ke_probes_good, nts_ke_probes_bad,"
                + " nts_ke_serves_good, nts_ke_serves_bad");

        assertThat(answer.header().error()).isFalse();
        assertThat(answer.text().replace("\r\n", " ")).isEqualTo("nts_client_send=70, nts_client_recv_good=68,"
                + " nts_client_recv_bad=4, nts_server_recv_good=40, nts_server_recv_bad=7, nts_server_send=40,"
                + " nts_cookie_make=424, nts_cookie_decode=39, nts_cookie_decode_old=2, nts_cookie_decode_old2=0,"
                + " nts_cookie_decode_older=0, nts_cookie_decode_too_old=5, nts_cookie_decode_error=6,"
                + " nts_ke_probes_good=7, nts_ke_probes_bad=8, nts_ke_serves_good=48, nts_ke_serves_bad=9 ");
    }

    @Test
    void namedVariablesComeInTableOrderEachOnce() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "tc,stratum, stratum");

        assertThat(answer.text()).isEqualTo("stratum=9, tc=6\r\n");
    }

    @Test
    void aKnownVariableWithoutValueIsLeftOutWithoutError() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "tai,leap");

        assertThat(answer.header().error()).isFalse();
        assertThat(answer.names()).containsExactly("leap");
    }

    @Test
    void anUnknownSystemVariableGetsUnknownvar() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, 0, "leap,nonsense");

        assertThat(answer.header().error()).isTrue();
        assertThat(answer.header().errorCode()).isEqualTo(ControlError.UNKNOWNVAR.code());
    }

    @Test
    void readvarOfAnAssociationWithoutNamesSendsNtpdsDefaultPeerVariables() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, SERVER_ID, "");

        assertThat(answer.names()).containsExactly("srcadr", "srcport", "dstadr", "dstport", "leap", "stratum",
                "precision", "rootdelay", "rootdisp", "refid", "reftime", "rec", "reach", "unreach", "hmode", "pmode",
                "hpoll", "ppoll", "headway", "flash", "keyid", "offset", "delay", "dispersion", "jitter", "filtdelay",
                "filtoffset", "filtdisp");
    }

    @Test
    void writesPeerVariablesAsNtpdDoes() {
        ControlExchange answer = ask(STATE, ControlOpcode.READVAR, SERVER_ID, "");

        assertThat(answer.value("srcadr")).isEqualTo("192.0.2.4");
        assertThat(answer.value("srcport")).isEqualTo("123");
        assertThat(answer.value("dstadr")).isEqualTo("0.0.0.0");
        assertThat(answer.value("refid")).isEqualTo("76.79.67.76");
        assertThat(answer.value("reach")).isEqualTo("0xff");
        assertThat(answer.value("hmode")).isEqualTo("3");
        assertThat(answer.value("pmode")).isEqualTo("4");
        assertThat(answer.value("offset")).isEqualTo("0.017");
        assertThat(answer.value("delay")).isEqualTo("0.050");
        assertThat(answer.value("dispersion")).isEqualTo("0.261");
        assertThat(answer.value("jitter")).isEqualTo("0.008");
        assertThat(answer.value("filtdelay")).isEqualTo(" 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05");
    }

    @Test
    void showsAReferenceClocksIdAsTextAtAnyStratum() {
        assertThat(ask(STATE, ControlOpcode.READVAR, LOCAL_ID, "refid").text()).isEqualTo("refid=LOCL\r\n");
    }

    @Test
    void answersWithThePeerStatusWordForAnAssociation() {
        assertThat(ask(STATE, ControlOpcode.READVAR, SERVER_ID, "").header().status()).isEqualTo(0x961a);
    }

    @Test
    void anUnknownPeerVariableGetsUnknownvar() {
        assertThat(ask(STATE, ControlOpcode.READVAR, SERVER_ID, "tc").header().errorCode())
                .isEqualTo(ControlError.UNKNOWNVAR.code());
    }

    @Test
    void anUnknownAssociationGetsBadassoc() {
        for (ControlOpcode opcode : List.of(ControlOpcode.READVAR, ControlOpcode.READSTAT, ControlOpcode.UNSPEC,
                ControlOpcode.READCLOCK)) {
            ControlExchange answer = ask(STATE, opcode, 4711, "");

            assertThat(answer.header().error()).as(opcode.name()).isTrue();
            assertThat(answer.header().errorCode()).as(opcode.name()).isEqualTo(ControlError.BADASSOC.code());
            assertThat(answer.header().associationId()).isEqualTo(4711);
        }
    }

    @Test
    void readclockOfAssociation0ShowsTheLocalClockDriver() {
        ControlExchange answer = ask(STATE, ControlOpcode.READCLOCK, 0, "");

        assertThat(answer.header().associationId()).isZero();
        assertThat(answer.text()).isEqualTo("device=\"Undisciplined local clock\", timecode=\"\", poll=2, noreply=0,"
                + "\r\nbadformat=0, baddata=0, stratum=8, refid=76.79.67.76, flags=0\r\n");
    }

    @Test
    void readclockOfAServerGetsBadassoc() {
        assertThat(ask(STATE, ControlOpcode.READCLOCK, SERVER_ID, "").header().errorCode())
                .isEqualTo(ControlError.BADASSOC.code());
    }

    @Test
    void readclockWithoutAReferenceClockGetsBadassoc() {
        ControlState noClock = new ControlState(STATE.system(),
                List.of(ControlStates.server(SERVER_ID, "192.0.2.4", PeerSelection.SYS_PEER)));

        assertThat(ask(noClock, ControlOpcode.READCLOCK, 0, "").header().errorCode())
                .isEqualTo(ControlError.BADASSOC.code());
    }

    @Test
    void everyOperationThatNeedsTheControlKeyGetsPermissionWithoutOne() {
        for (ControlOpcode opcode : List.of(ControlOpcode.WRITEVAR, ControlOpcode.WRITECLOCK, ControlOpcode.SETTRAP,
                ControlOpcode.CONFIGURE, ControlOpcode.SAVECONFIG, ControlOpcode.READ_ORDLIST_A,
                ControlOpcode.UNSETTRAP)) {
            ControlExchange answer = ask(STATE, opcode, 0, "leap=0");

            assertThat(answer.datagrams()).as(opcode.name()).hasSize(1);
            assertThat(answer.header().errorCode()).as(opcode.name()).isEqualTo(ControlError.PERMISSION.code());
            assertThat(answer.header().opcode()).isEqualTo(opcode.code());
        }
    }

    @Test
    void unspecAnswersWithTheStatusWordAndNoData() {
        ControlExchange answer = ask(STATE, ControlOpcode.UNSPEC, 0, "");

        assertThat(answer.datagrams()).hasSize(1);
        assertThat(answer.header().count()).isZero();
        assertThat(answer.header().status()).isEqualTo(STATE.system().status().word());
    }

    @Test
    void echoesTheRequestsVersionSequenceAndOpcodeWithTheSystemLeapIndicator() {
        for (int version = 1; version <= 4; version++) {
            ControlExchange answer = ask(STATE, version, ControlOpcode.READVAR, 0, "leap");

            assertThat(answer.header().version()).isEqualTo(version);
            assertThat(answer.header().sequence()).isEqualTo(7);
            assertThat(answer.header().opcode()).isEqualTo(ControlOpcode.READVAR.code());
            assertThat(answer.header().response()).isTrue();
            assertThat(answer.header().leap()).isEqualTo(LeapIndicator.NO_WARNING);
        }
    }

    @Test
    void answersDebiansNtpstatRequestPaddedTo576Octets() {
        ByteBuffer ntpstat = ByteBuffer.allocate(576);
        ntpstat.put(0, new byte[] {0x16, 0x02, 0x00, 0x01});

        List<byte[]> answer = answer(ntpstat);

        assertThat(answer).isNotEmpty();
        assertThat(answer.getFirst()[0] & 0x3F).isEqualTo(0x16);
        assertThat(answer.getFirst()[1] & 0xDF).isEqualTo(0x82);
    }

    @Test
    void dropsAResponseWithoutAnswer() {
        ByteBuffer response = ByteBuffer.wrap(new byte[] {0x16, (byte) 0x82, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThat(answer(response)).isEmpty();
    }

    @Test
    void answersACountBeyondTheDataWithBadfmt() {
        ByteBuffer request = ByteBuffer.wrap(new byte[] {0x16, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 40});

        List<byte[]> answer = answer(request);

        assertThat(new ControlExchange(answer).header().errorCode()).isEqualTo(ControlError.BADFMT.code());
    }

    @Test
    void splitsALongAssociationListIntoFragments() {
        List<AssociationState> many = new ArrayList<>();
        for (int id = 1; id <= 200; id++) {
            many.add(ControlStates.server(id, "192.0.2.4", PeerSelection.CANDIDATE));
        }
        ControlExchange answer = ask(new ControlState(STATE.system(), many), ControlOpcode.READSTAT, 0, "");

        assertThat(answer.datagrams()).hasSize(2);
        assertThat(answer.header(0).more()).isTrue();
        assertThat(Association.decode(answer.data())).hasSize(200);
    }
}
