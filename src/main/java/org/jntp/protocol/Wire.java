package org.jntp.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Network-order (big-endian) absolute access, whatever byte order the buffer itself is set to. */
final class Wire {
    private static final VarHandle INT =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Wire() {}

    static int u8(ByteBuffer buf, int index) {
        return buf.get(index) & 0xFF;
    }

    static int s8(ByteBuffer buf, int index) {
        return buf.get(index);
    }

    static int u16(ByteBuffer buf, int index) {
        return (u8(buf, index) << 8) | u8(buf, index + 1);
    }

    static int getInt(ByteBuffer buf, int index) {
        return (int) INT.get(buf, index);
    }

    static long getLong(ByteBuffer buf, int index) {
        return (long) LONG.get(buf, index);
    }

    static void putU8(ByteBuffer buf, int index, int value) {
        buf.put(index, (byte) value);
    }

    static void putU16(ByteBuffer buf, int index, int value) {
        buf.put(index, (byte) (value >>> 8));
        buf.put(index + 1, (byte) value);
    }

    static void putInt(ByteBuffer buf, int index, int value) {
        INT.set(buf, index, value);
    }

    static void putLong(ByteBuffer buf, int index, long value) {
        LONG.set(buf, index, value);
    }
}
