package org.jntp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jntp.ntpq.NtpqShell;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.RequestParse;

/**
 * The training run of the tools' AOT cache (bin/jntp-java): ntpq's and ntpstat's usual commands,
 * through the same code as their mains, against a made-up server on a loopback port of its own,
 * so that the classes they load and link and the lambdas and switches they resolve are in the
 * cache. No output.
 */
public final class ToolsTraining {
    private static final int ASSOCIATION = 17767;
    private static final int PEER_STATUS = 0xb61a;
    private static final int SYSTEM_STATUS = 0xc016;
    private static final int MAX_DATAGRAM = 2048;
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

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread server = Thread.ofPlatform().daemon().start(() -> serve(socket));
            String target = "127.0.0.1:" + socket.getLocalPort();
            for (List<String> command : List.of(List.of("-p", target), List.of("-pn", target),
                    List.of("-c", "as", target), List.of("-c", "rv", target), List.of("-c", "apeers", "-c", "opeers", target),
                    List.of("-c", "sysinfo", target), List.of("-c", "raw", "-c", "rv 0", target),
                    List.of("-c", "rv 17767", "-c", "help", target))) {
                NtpqShell.run(command, Ntpq.environment(sink, sink), "training");
            }
            sink.print(Ntpstat.ask((InetSocketAddress) socket.getLocalSocketAddress()).out());
            socket.close();
            server.join();
        }
    }

    /** Answers every request until the socket closes. */
    private static void serve(DatagramSocket socket) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                for (byte[] reply : answer(ByteBuffer.wrap(buffer, 0, packet.getLength()))) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** READSTAT with one association, READVAR with the variables above. */
    private static List<byte[]> answer(ByteBuffer datagram) {
        if (!(ControlRequest.parse(datagram) instanceof RequestParse.Parsed parsed)) {
            return List.of();
        }
        ControlRequest request = parsed.request();
        int association = request.header().associationId();
        return switch (request.opcode()) {
            case READSTAT -> ControlResponses.binary(request.header(), LeapIndicator.UNSYNCHRONIZED, SYSTEM_STATUS,
                    Association.encode(List.of(new Association(ASSOCIATION, PeerStatus.decode(PEER_STATUS)))));
            default -> ControlResponses.text(request.header(), LeapIndicator.UNSYNCHRONIZED,
                    association == 0 ? SYSTEM_STATUS : PEER_STATUS, association == 0 ? SYSTEM : PEER);
        };
    }
}
