package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;

/** One request to {@link ControlServer} and the datagrams it answered with. */
record ControlExchange(List<byte[]> datagrams) {

    static ControlExchange ask(ControlState state, int version, ControlOpcode opcode, int associationId, String data) {
        return ask(ControlStates.server(state), version, opcode, associationId, data);
    }

    static ControlExchange ask(ControlServer server, int version, ControlOpcode opcode, int associationId,
            String data) {
        return ask(server, ControlStates.CLIENT, version, opcode, associationId, data);
    }

    /** The request from {@code client}, as ntpq writes it: the data padded to 4 octets. */
    static ControlExchange ask(ControlServer server, InetSocketAddress client, int version, ControlOpcode opcode,
            int associationId, String data) {
        byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(requestLength(data));
        new ControlHeader(LeapIndicator.NO_WARNING, version, false, false, false, opcode.code(), 7, 0, associationId,
                0, octets.length).write(request, 0);
        request.put(ControlHeader.LENGTH, octets);
        return new ControlExchange(server.answer(request, client, ControlStates.NOW_NANOS, ControlStates.MONO_NANOS));
    }

    /** The octets of a request with this data. */
    static int requestLength(String data) {
        return (ControlHeader.LENGTH + data.length() + 3) & ~3;
    }

    /** The octets of every datagram together. */
    int octets() {
        return datagrams.stream().mapToInt(datagram -> datagram.length).sum();
    }

    static ControlExchange ask(ControlState state, ControlOpcode opcode, int associationId, String data) {
        return ask(state, 2, opcode, associationId, data);
    }

    ControlHeader header(int index) {
        return ControlHeader.read(ByteBuffer.wrap(datagrams.get(index)), 0);
    }

    ControlHeader header() {
        return header(0);
    }

    /** The data of every fragment, in order. */
    byte[] data() {
        ByteBuffer all = ByteBuffer.allocate(datagrams.size() * ControlHeader.MAX_DATA_LENGTH);
        for (int i = 0; i < datagrams.size(); i++) {
            all.put(datagrams.get(i), ControlHeader.LENGTH, header(i).count());
        }
        return Arrays.copyOf(all.array(), all.position());
    }

    String text() {
        return new String(data(), StandardCharsets.ISO_8859_1);
    }

    /** The names of the variables sent, in order. */
    List<String> names() {
        return Arrays.stream(text().strip().split(",\\s*")).map(item -> item.split("=", 2)[0]).toList();
    }

    /** The value of one variable as sent. */
    String value(String name) {
        for (String item : text().strip().split(",\\s*")) {
            String[] parts = item.split("=", 2);
            if (parts[0].equals(name)) {
                return parts[1];
            }
        }
        throw new AssertionError(name + " not in " + text());
    }
}
