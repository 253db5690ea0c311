package org.jntp.protocol.control;

import java.nio.ByteBuffer;

/** Network-order 16- and 32-bit fields at absolute indexes, whatever the buffer's byte order. */
final class Octets {
    private Octets() {}

    static int u8(ByteBuffer buf, int index) {
        return buf.get(index) & 0xFF;
    }

    static int u16(ByteBuffer buf, int index) {
        return (u8(buf, index) << 8) | u8(buf, index + 1);
    }

    static int s32(ByteBuffer buf, int index) {
        return (u16(buf, index) << 16) | u16(buf, index + 2);
    }

    static void putU16(ByteBuffer buf, int index, int value) {
        buf.put(index, (byte) (value >>> 8));
        buf.put(index + 1, (byte) value);
    }

    static byte[] copy(ByteBuffer buf, int index, int length) {
        byte[] octets = new byte[length];
        buf.get(index, octets);
        return octets;
    }
}
