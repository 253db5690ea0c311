package org.jntp.daemon.net;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Datagrams to send with one {@link UdpSocket#send} call, in preallocated native memory. Fill it
 * with {@link #clear()}, then per datagram {@link #addReply} (or {@link #add}), write the payload
 * into {@link #payload} and set its {@link #setLength length}. Allocation-free; owned by one
 * thread at a time.
 */
public final class SendBatch implements AutoCloseable {
    private final MessageSlots slots;
    private int size;

    private SendBatch(int capacity, int bufferBytes) {
        this.slots = new MessageSlots(capacity, bufferBytes, ControlMessages.PKTINFO_SPACE);
    }

    /** A batch of {@code capacity} (1..1024) slots, each holding a datagram of up to {@code bufferBytes}. */
    public static SendBatch allocate(int capacity, int bufferBytes) {
        return new SendBatch(capacity, bufferBytes);
    }

    public int capacity() {
        return slots.capacity;
    }

    /** The number of datagrams added since {@link #clear()}. */
    public int size() {
        return size;
    }

    /** Empties the batch; {@link UdpSocket#send} leaves it filled. */
    public void clear() {
        size = 0;
    }

    /**
     * Adds a datagram addressed to the source of {@code request}'s datagram {@code requestSlot},
     * leaving from the local address that datagram arrived on when the request carried packet info.
     * Returns the new slot, whose length is 0 until {@link #setLength} is called.
     */
    public int addReply(ReceiveBatch request, int requestSlot) {
        int slot = nextSlot();
        MessageSlots from = request.slots();
        int nameLength = from.nameLength(requestSlot);
        MemorySegment.copy(from.names, from.nameOffset(requestSlot), slots.names, slots.nameOffset(slot), nameLength);
        slots.setNameLength(slot, nameLength);
        long packetInfo = request.packetInfoOffset(requestSlot);
        if (packetInfo < 0) {
            slots.setControlLength(slot, 0);
        } else {
            // The received in_pktinfo/in6_pktinfo, sent back as is, names the same local address and interface.
            long space = ControlMessages.align(ControlMessages.length(from.controls, packetInfo));
            MemorySegment.copy(from.controls, packetInfo, slots.controls, slots.controlOffset(slot), space);
            slots.setControlLength(slot, space);
        }
        return slot;
    }

    /** Takes back the datagram added last, e.g. when the request it answered turned out to need no reply. */
    public void removeLast() {
        if (size == 0) {
            throw new IllegalStateException("the batch is empty");
        }
        size--;
    }

    /** Adds a datagram addressed to {@code destination}; returns the new slot, of length 0. */
    public int add(Endpoint destination) {
        int slot = nextSlot();
        slots.setNameLength(slot, Sockaddr.write(slots.names, slots.nameOffset(slot), destination));
        slots.setControlLength(slot, 0);
        return slot;
    }

    /** The buffer of {@code slot}: position 0, limit its capacity, big-endian. Same object every time. */
    public ByteBuffer payload(int slot) {
        return slots.view(slot).clear().order(ByteOrder.BIG_ENDIAN);
    }

    /** The whole buffer of {@code slot} as native memory. */
    public MemorySegment payloadSegment(int slot) {
        return slots.buffer(slot);
    }

    /** Sets how many bytes of {@code slot}'s buffer make its datagram. */
    public void setLength(int slot, int bytes) {
        if (slot >= size || bytes < 0 || bytes > slots.bufferBytes) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size + ", length " + bytes
                    + " of " + slots.bufferBytes);
        }
        slots.setPayloadLength(slot, bytes);
    }

    @Override
    public void close() {
        slots.close();
    }

    MessageSlots slots() {
        return slots;
    }

    private int nextSlot() {
        if (size == slots.capacity) {
            throw new IllegalStateException("send batch full at " + size + " datagrams");
        }
        slots.setPayloadLength(size, 0);
        return size++;
    }
}
