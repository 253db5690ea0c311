package org.jntp.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.jntp.ntpq.ControlTransport;
import org.jntp.ntpq.NtpqEnvironment;
import org.jntp.ntpq.NtpqShell;
import org.jntp.ntpq.NtpstatReport;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.RequestParse;

/**
 * The training run of the tools' AOT cache (bin/jntp-java): ntpq's and ntpstat's usual commands
 * against a made-up server in memory, so that the classes they load and link are in the cache.
 * No network, no output.
 */
public final class ToolsTraining {
    private static final int ASSOCIATION = 17767;
    private static final int PEER_STATUS = 0xb61a;
    private static final int SYSTEM_STATUS = 0xc016;
    private static final String SYSTEM = "leap=3, stratum=9, precision=-23, rootdelay=0.036, rootdisp=62.674,"
            + " refid=192.0.2.4, reftime=0xeeb2b354.b56f0097, tc=4, peer=17767, offset=0.000000,"
            + " frequency=0.000, sys_jitter=0.000000, clk_jitter=0.119, clock=0xeeb2b35b.26cf170b,"
            + " processor=\"x86_64\", system=\"Linux\", version=\"ntpd\", clk_wander=0.000, peeradr=192.0.2.4:123,"
            + " peermode=3";
    private static final String PEER = "srcadr=192.0.2.4, srcport=123, dstadr=192.0.2.1, dstport=123, leap=0,"
            + " hmode=3, stratum=8, ppoll=4, hpoll=4, precision=-26, rootdelay=0.000, rootdisp=0.000,"
            + " refid=127.127.1.1, reftime=0xeeb2b354.b56f0097, rec=0xeeb2b35b.26cf170b, reach=0xff, unreach=0,"
            + " delay=0.050, offset=0.016, jitter=0.007, dispersion=0.260, flash=0x0,"
            + " filtdelay= 0.05 0.06 0.05 0.03 0.04 0.04 0.05 0.03,"
            + " filtoffset= 0.02 0.02 0.02 0.00 0.01 0.01 0.02 0.00";

    private ToolsTraining() {}

    public static void main(String[] args) {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
        for (List<String> command : List.of(List.of("-p"), List.of("-pn"), List.of("-c", "as"), List.of("-c", "rv"),
                List.of("-c", "apeers", "-c", "opeers"), List.of("-c", "sysinfo"), List.of("-c", "raw", "-c", "rv 0"),
                List.of("-c", "rv 17767", "-c", "help"))) {
            NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader("")), sink, sink, false,
                    server -> new Server(), name -> List.of(InetAddress.getLoopbackAddress()), InetAddress::getHostAddress,
                    Instant::now, ZoneId.systemDefault());
            NtpqShell.run(command, env, "training");
        }
        byte[] datagram = ControlResponses.text(ControlRequest.of(2, ControlOpcode.READVAR, 1, 0, new byte[0]).header(),
                LeapIndicator.NO_WARNING, 0x0615, SYSTEM).getFirst();
        sink.print(NtpstatReport.of(datagram).out());
    }

    /** Answers READSTAT with one association and READVAR with the variables above. */
    private static final class Server implements ControlTransport {
        private final ArrayDeque<byte[]> replies = new ArrayDeque<>();

        @Override
        public void send(byte[] datagram) {
            if (!(ControlRequest.parse(ByteBuffer.wrap(datagram)) instanceof RequestParse.Parsed parsed)) {
                return;
            }
            ControlRequest request = parsed.request();
            int association = request.header().associationId();
            List<byte[]> answer = switch (request.opcode()) {
                case READSTAT -> ControlResponses.binary(request.header(), LeapIndicator.UNSYNCHRONIZED, SYSTEM_STATUS,
                        Association.encode(List.of(new Association(ASSOCIATION, PeerStatus.decode(PEER_STATUS)))));
                default -> ControlResponses.text(request.header(), LeapIndicator.UNSYNCHRONIZED,
                        association == 0 ? SYSTEM_STATUS : PEER_STATUS, association == 0 ? SYSTEM : PEER);
            };
            replies.addAll(answer);
        }

        @Override
        public Optional<byte[]> receive(Duration timeout) {
            return Optional.ofNullable(replies.poll());
        }

        @Override
        public void close() {
            replies.clear();
        }
    }
}
