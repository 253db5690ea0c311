package org.jntp.daemon.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The native memory behind a batch, laid out once: an array of {@code struct mmsghdr} (each a
 * {@code struct msghdr} plus {@code msg_len}), one {@code struct iovec}, one sockaddr slot, one
 * control-message slot and one payload buffer per message. Pointers between them are written at
 * construction; the per-call work is only setting lengths.
 */
final class MessageSlots implements AutoCloseable {
    /** The kernel's UIO_MAXIOV: recvmmsg and sendmmsg take at most this many messages a call. */
    static final int MAX_SLOTS = 1024;
    static final int MAX_BUFFER_BYTES = 65536;

    private static final long MMSGHDR_BYTES = 64;
    private static final long MSG_NAME = 0;
    private static final long MSG_NAMELEN = 8;
    private static final long MSG_IOV = 16;
    private static final long MSG_IOVLEN = 24;
    private static final long MSG_CONTROL = 32;
    private static final long MSG_CONTROLLEN = 40;
    private static final long MSG_FLAGS = 48;
    private static final long MSG_LEN = 56;
    private static final long IOVEC_BYTES = 16;
    private static final long IOV_BASE = 0;
    private static final long IOV_LEN = 8;
    private static final long CACHE_LINE_BYTES = 64;

    final int capacity;
    final int bufferBytes;
    final int controlBytes;
    final MemorySegment names;
    final MemorySegment controls;
    /** Errno saved by the linker after each call made with this batch. */
    final MemorySegment capture;
    /** A {@code struct pollfd} for waiting until the socket can send again. */
    final MemorySegment pollFd;
    private final Arena arena;
    private final MemorySegment headers;
    private final MemorySegment iovecs;
    /** {@code headersFrom[i]} is the mmsghdr array from message i on, made once for retrying a tail. */
    private final MemorySegment[] headersFrom;
    private final MemorySegment[] buffers;
    private final ByteBuffer[] views;

    MessageSlots(int capacity, int bufferBytes, int controlBytes) {
        if (capacity < 1 || capacity > MAX_SLOTS) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_SLOTS + ", was " + capacity);
        }
        if (bufferBytes < 1 || bufferBytes > MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException("bufferBytes must be 1.." + MAX_BUFFER_BYTES + ", was " + bufferBytes);
        }
        this.capacity = capacity;
        this.bufferBytes = bufferBytes;
        this.controlBytes = controlBytes;
        this.arena = Arena.ofShared();
        long bufferStride = (bufferBytes + CACHE_LINE_BYTES - 1) & -CACHE_LINE_BYTES;
        this.headers = arena.allocate(capacity * MMSGHDR_BYTES, CACHE_LINE_BYTES);
        this.iovecs = arena.allocate(capacity * IOVEC_BYTES, 8);
        this.names = arena.allocate((long) capacity * Sockaddr.SLOT_BYTES, 8);
        this.controls = arena.allocate((long) capacity * controlBytes, 8);
        MemorySegment payloads = arena.allocate(capacity * bufferStride, CACHE_LINE_BYTES);
        this.capture = Libc.allocateCapture(arena);
        this.pollFd = arena.allocate(8, 4);
        this.headersFrom = new MemorySegment[capacity];
        this.buffers = new MemorySegment[capacity];
        this.views = new ByteBuffer[capacity];
        for (int slot = 0; slot < capacity; slot++) {
            buffers[slot] = payloads.asSlice(slot * bufferStride, bufferBytes);
            views[slot] = buffers[slot].asByteBuffer();
            headersFrom[slot] = headers.asSlice(slot * MMSGHDR_BYTES);
            long iov = slot * IOVEC_BYTES;
            iovecs.set(ADDRESS, iov + IOV_BASE, buffers[slot]);
            iovecs.set(JAVA_LONG, iov + IOV_LEN, bufferBytes);
            long header = slot * MMSGHDR_BYTES;
            headers.set(ADDRESS, header + MSG_NAME, names.asSlice(nameOffset(slot)));
            headers.set(JAVA_INT, header + MSG_NAMELEN, Sockaddr.SLOT_BYTES);
            headers.set(ADDRESS, header + MSG_IOV, iovecs.asSlice(iov));
            headers.set(JAVA_LONG, header + MSG_IOVLEN, 1);
            headers.set(ADDRESS, header + MSG_CONTROL,
                    controlBytes == 0 ? MemorySegment.NULL : controls.asSlice(controlOffset(slot)));
            headers.set(JAVA_LONG, header + MSG_CONTROLLEN, controlBytes);
        }
    }

    /** The mmsghdr array starting at message {@code slot}. */
    MemorySegment headersFrom(int slot) {
        return headersFrom[slot];
    }

    MemorySegment buffer(int slot) {
        return buffers[slot];
    }

    ByteBuffer view(int slot) {
        return views[slot];
    }

    long nameOffset(int slot) {
        return (long) slot * Sockaddr.SLOT_BYTES;
    }

    long controlOffset(int slot) {
        return (long) slot * controlBytes;
    }

    int nameLength(int slot) {
        return headers.get(JAVA_INT, slot * MMSGHDR_BYTES + MSG_NAMELEN);
    }

    void setNameLength(int slot, int length) {
        headers.set(JAVA_INT, slot * MMSGHDR_BYTES + MSG_NAMELEN, length);
    }

    long controlLength(int slot) {
        return headers.get(JAVA_LONG, slot * MMSGHDR_BYTES + MSG_CONTROLLEN);
    }

    void setControlLength(int slot, long length) {
        headers.set(JAVA_LONG, slot * MMSGHDR_BYTES + MSG_CONTROLLEN, length);
    }

    void setPayloadLength(int slot, int length) {
        iovecs.set(JAVA_LONG, slot * IOVEC_BYTES + IOV_LEN, length);
    }

    /** The flags the kernel returned for message {@code slot} (e.g. MSG_TRUNC). */
    int flags(int slot) {
        return headers.get(JAVA_INT, slot * MMSGHDR_BYTES + MSG_FLAGS);
    }

    /** The bytes received into, or sent from, message {@code slot} by the last call. */
    int messageLength(int slot) {
        return headers.get(JAVA_INT, slot * MMSGHDR_BYTES + MSG_LEN);
    }

    @Override
    public void close() {
        arena.close();
    }
}
