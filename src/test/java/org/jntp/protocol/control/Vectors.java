package org.jntp.protocol.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** The datagrams scripts/capture-mode6-vectors.sh captured, one .hex file each. */
public final class Vectors {
    private Vectors() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream(name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ControlRequest request(String name) {
        return ((RequestParse.Parsed) ControlRequest.parse(ByteBuffer.wrap(bytes(name)))).request();
    }

    static ResponseFragment fragment(String name) {
        return fragment(bytes(name));
    }

    static ResponseFragment fragment(byte[] datagram) {
        return ((FragmentParse.Parsed) ResponseFragment.parse(ByteBuffer.wrap(datagram))).fragment();
    }
}
