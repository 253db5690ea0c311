package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.daemon.Loopback.LISTEN_LOOPBACK;
import static org.jntp.daemon.Loopback.await;
import static org.jntp.daemon.Loopback.config;
import static org.jntp.daemon.Loopback.freePort;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.NtpConfig;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ClockSource;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.SystemStatus;
import org.jntp.server.Counter;
import org.jntp.server.ServerCounters;
import org.jntp.server.control.InterfaceStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntpq's requests (mode 6) to daemons on loopback, over real sockets. */
class ControlDaemonTest {
    private static final long AWAIT_MILLIS = 30_000;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5_000;
    private static final String LOCAL_CLOCK = "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n";

    private static Clock system;

    private final EventLog log = TestLogs.silent();

    @BeforeAll
    static void openTheSystemClock() {
        system = KernelClock.open();
    }

    /** One answer, reassembled: its first header and all its data. */
    private record Answer(ControlHeader header, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }

    /** A request with {@code variables} as its data, padded as ntpq pads it. */
    private static byte[] request(ControlOpcode opcode, int associationId, String variables) {
        byte[] octets = variables.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate((ControlHeader.LENGTH + octets.length + 7) & ~7);
        new ControlHeader(LeapIndicator.NO_WARNING, 2, false, false, false, opcode.code(), 1, 0, associationId, 0,
                octets.length).write(request, 0);
        request.put(ControlHeader.LENGTH, octets);
        return request.array();
    }

    private static Answer ask(int port, ControlOpcode opcode, int associationId, String variables) throws Exception {
        byte[] request = request(opcode, associationId, variables);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            InetSocketAddress daemon = new InetSocketAddress("127.0.0.1", port);
            socket.send(new DatagramPacket(request, request.length, daemon));
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            ControlHeader first = null;
            ControlHeader header;
            do {
                int room = ControlHeader.LENGTH + ControlHeader.MAX_DATA_LENGTH;
                DatagramPacket reply = new DatagramPacket(new byte[room], room);
                socket.receive(reply);
                header = ControlHeader.read(ByteBuffer.wrap(reply.getData()), 0);
                first = first == null ? header : first;
                data.write(reply.getData(), ControlHeader.LENGTH, header.count());
            } while (header.more());
            return new Answer(first, data.toByteArray());
        }
    }

    @Test
    void showsTheLocalClockAsTheSystemPeerOfADaemonServingIt() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + LISTEN_LOOPBACK),
                new SoftwareClock.Spec(0, 0).over(system), port, log)) {
            await(daemon, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);

            Answer status = ask(port, ControlOpcode.READSTAT, 0, "");
            Answer variables = ask(port, ControlOpcode.READVAR, 0, "stratum,peer");
            Answer clock = ask(port, ControlOpcode.READCLOCK, 0, "device");

            List<Association> associations = Association.decode(status.data());
            assertThat(associations).hasSize(1);
            assertThat(associations.getFirst().status().selection()).isEqualTo(PeerSelection.SYS_PEER);
            assertThat(SystemStatus.decode(status.header().status()).source()).contains(ClockSource.LOCAL);
            assertThat(variables.text()).isEqualTo("stratum=8, peer=" + associations.getFirst().associationId()
                    + "\r\n");
            assertThat(clock.text()).isEqualTo("device=\"Undisciplined local clock\"\r\n");
        }
    }

    @Test
    void showsTheServerItFollowsAsItsSystemPeer() throws Exception {
        int upstreamPort = freePort();
        int port = freePort();
        try (Daemon upstream = Daemon.start(config(LOCAL_CLOCK + LISTEN_LOOPBACK),
                     new SoftwareClock.Spec(0, 0).over(system), upstreamPort, log);
             Daemon ours = Daemon.start(config("server 127.0.0.1 iburst\n" + LISTEN_LOOPBACK),
                     new SoftwareClock.Spec(0, 0).over(system), port,
                     ClientOptions.defaults().withServerPort(upstreamPort), log)) {
            await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);

            Association server = Association.decode(ask(port, ControlOpcode.READSTAT, 0, "").data()).getFirst();
            Answer system = ask(port, ControlOpcode.READVAR, 0, "");
            Answer peer = ask(port, ControlOpcode.READVAR, server.associationId(), "srcadr,srcport,stratum,reach");

            assertThat(server.status().selection()).isEqualTo(PeerSelection.SYS_PEER);
            assertThat(server.status().configured()).isTrue();
            assertThat(server.status().reachable()).isTrue();
            assertThat(SystemStatus.decode(system.header().status()).source()).contains(ClockSource.NTP);
            assertThat(system.text())
                    .contains("stratum=9,", "refid=127.0.0.1,", "peer=" + server.associationId() + ",");
            assertThat(peer.text()).startsWith("srcadr=127.0.0.1, srcport=" + upstreamPort + ", stratum=8, reach=0x");
            assertThat(peer.text()).doesNotContain("reach=0x0\r");
        }
    }

    @Test
    void listsItsAddressWithItsCountersAndItsRestrictionsWithTheirHits() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + "restrict 127.0.0.0 mask 255.0.0.0 nomodify\n"
                + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), port, log)) {
            ask(port, ControlOpcode.READVAR, 0, "stratum");

            InterfaceStats loopback = awaitSent(daemon);
            List<String> restrictions = daemon.orderedLists().restrictions().stream()
                    .map(r -> r.entry().addressMask() + " " + r.hits()).toList();
            assertThat(daemon.orderedLists().interfaces()).hasSize(1);
            assertThat(loopback.name()).isEqualTo("lo");
            assertThat(loopback.address()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
            assertThat(loopback.enabled()).isTrue();
            assertThat(loopback.flags()).isEqualTo(InterfaceStats.UP | InterfaceStats.LOOPBACK);
            assertThat(loopback.received()).isEqualTo(1);
            assertThat(loopback.sent()).isEqualTo(1);
            assertThat(restrictions).containsExactly("127.0.0.0/8 1", "0.0.0.0/0 0", "::/0 0");
        }
    }

    /** A CONFIGURE request signed with the key, and the text of its answer. */
    /** ntpq's {@code :config TEXT} signed with {@code key}; the daemon's answer. */
    static String configure(int port, SymmetricKey key, String text) throws Exception {
        byte[] octets = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate((ControlHeader.LENGTH + octets.length + 7) & ~7);
        new ControlHeader(LeapIndicator.NO_WARNING, 2, false, false, false, ControlOpcode.CONFIGURE.code(), 1, 0,
                0, 0, octets.length).write(request, 0);
        request.put(ControlHeader.LENGTH, octets);
        byte[] signed = NtpMac.append(request.array(), request.capacity(), key);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            socket.send(new DatagramPacket(signed, signed.length, new InetSocketAddress("127.0.0.1", port)));
            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
            socket.receive(reply);
            ControlHeader header = ControlHeader.read(ByteBuffer.wrap(reply.getData()), 0);
            return new String(reply.getData(), ControlHeader.LENGTH, header.count(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The associations once there are {@code count} of them, or the last seen after the wait. */
    private static List<Association> awaitAssociations(int port, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        List<Association> associations = Association.decode(ask(port, ControlOpcode.READSTAT, 0, "").data());
        while (associations.size() != count && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            associations = Association.decode(ask(port, ControlOpcode.READSTAT, 0, "").data());
        }
        return associations;
    }

    @Test
    void addsAndLetsGoOfTheServersConfigureRequestsSignedWithTheControlKeyName(@TempDir Path directory)
            throws Exception {
        Path keys = directory.resolve("ntp.keys");
        Files.writeString(keys, "1 SHA1 controlsecret\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        SymmetricKey key = new SymmetricKey(1, KeyType.SHA1, "controlsecret".getBytes(StandardCharsets.US_ASCII));
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + "keys " + keys + "\ntrustedkey 1\ncontrolkey 1\n"
                        + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), port, log)) {
            assertThat(configure(port, key, "server 127.0.0.1 iburst")).isEqualTo("Config Succeeded");

            List<Association> associations = awaitAssociations(port, 2);
            assertThat(associations).hasSize(2);
            assertThat(ask(port, ControlOpcode.READVAR, associations.getLast().associationId(), "srcadr").text())
                    .isEqualTo("srcadr=127.0.0.1\r\n");

            assertThat(configure(port, key, "unpeer 127.0.0.1")).isEqualTo("Config Succeeded");
            assertThat(awaitAssociations(port, 1)).hasSize(1);
        }
    }

    @Test
    void addsAServerGivenByHostNameAtRunTimeOnceItsNameIsLookedUp(@TempDir Path directory) throws Exception {
        Path keys = directory.resolve("ntp.keys");
        Files.writeString(keys, "1 SHA1 controlsecret\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        SymmetricKey key = new SymmetricKey(1, KeyType.SHA1, "controlsecret".getBytes(StandardCharsets.US_ASCII));
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + "keys " + keys + "\ntrustedkey 1\ncontrolkey 1\n"
                        + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), port, log)) {
            assertThat(configure(port, key, "server -4 localhost iburst")).isEqualTo("Config Succeeded");

            List<Association> associations = awaitAssociations(port, 2);
            assertThat(ask(port, ControlOpcode.READVAR, associations.getLast().associationId(), "srcadr").text())
                    .isEqualTo("srcadr=127.0.0.1\r\n");
        }
    }

    @Test
    void dropsAndCountsControlRequestsUnderNoquery() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(LOCAL_CLOCK + "restrict default noquery\n" + LISTEN_LOOPBACK),
                new SoftwareClock.Spec(0, 0).over(system), port, log);
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] readStat = {0x16, 0x01, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
            socket.send(new DatagramPacket(readStat, readStat.length, new InetSocketAddress("127.0.0.1", port)));

            assertThat(awaitCount(daemon, Counter.RESTRICTED)).isEqualTo(1);
            assertThat(count(daemon, Counter.CONTROL)).isZero();
        }
    }

    @Test
    void answersEveryTimeRequestTakenInTheBatchOfAControlAnswerOfSeveralDatagrams() throws Exception {
        int port = freePort();
        NtpConfig config = config(LOCAL_CLOCK + LISTEN_LOOPBACK);
        Preopened preopened = Preopened.open(config, port, log);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            InetSocketAddress daemonAddress = new InetSocketAddress("127.0.0.1", port);
            byte[] readTheVariableNames = request(ControlOpcode.READVAR, 0, "sys_var_list");
            socket.send(new DatagramPacket(readTheVariableNames, readTheVariableNames.length, daemonAddress));
            int timeRequests = ServerLoop.BATCH - 1;
            for (int i = 0; i < timeRequests; i++) {
                byte[] request = new byte[48];
                request[0] = 0x23;
                request[47] = (byte) i;
                socket.send(new DatagramPacket(request, request.length, daemonAddress));
            }

            try (Daemon daemon = Daemon.start(config, new SoftwareClock.Spec(0, 0).over(system), preopened,
                    ClientOptions.defaults(), log)) {
                int controlDatagrams = 0;
                Set<Integer> answered = new HashSet<>();
                while (answered.size() < timeRequests) {
                    DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
                    socket.receive(reply);
                    switch (reply.getData()[0] & 0x07) {
                        case 4 -> answered.add((int) reply.getData()[31]);
                        case 6 -> controlDatagrams++;
                        default -> throw new AssertionError("mode " + (reply.getData()[0] & 0x07));
                    }
                }

                assertThat(controlDatagrams).isGreaterThan(1);
                assertThat(answered).hasSize(timeRequests);
                assertThat(daemon.exit()).isNotDone();
            }
        }
    }

    /** The first address's statistics once its answer is counted: the count follows the send the client saw. */
    private static InterfaceStats awaitSent(Daemon daemon) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        while (daemon.orderedLists().interfaces().getFirst().sent() == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        return daemon.orderedLists().interfaces().getFirst();
    }

    private static long awaitCount(Daemon daemon, Counter counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        while (count(daemon, counter) == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        return count(daemon, counter);
    }

    private static long count(Daemon daemon, Counter counter) {
        return ServerCounters.sum(daemon.counters()).get(counter);
    }
}
