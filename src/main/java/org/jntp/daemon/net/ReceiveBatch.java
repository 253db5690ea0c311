package org.jntp.daemon.net;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Datagrams received by one {@link UdpSocket#receive} call, in preallocated native memory that
 * the next call overwrites. Slots {@code 0..size()-1} hold the datagrams; every accessor is
 * allocation-free except {@link #sourceAddress}. Owned by one thread at a time.
 */
public final class ReceiveBatch implements AutoCloseable {
    /**
     * Room for the control messages a socket may be sent: a receive stamp in both its forms, packet
     * info, and from the error queue a transmit stamp with its extended error.
     */
    private static final int CONTROL_BYTES = ControlMessages.TIMESTAMP_SPACE + ControlMessages.PKTINFO_SPACE
            + ControlMessages.TIMESTAMPING_SPACE + ControlMessages.EXTENDED_ERROR_SPACE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MessageSlots slots;
    private final int[] lengths;
    private final boolean[] truncated;
    private final long[] receiveTimeNanos;
    /** Offset of the slot's packet-info control message in {@code slots.controls}, or -1. */
    private final long[] packetInfoOffsets;
    private int size;
    private int localPort;

    private ReceiveBatch(int capacity, int bufferBytes) {
        this.slots = new MessageSlots(capacity, bufferBytes, CONTROL_BYTES);
        this.lengths = new int[capacity];
        this.truncated = new boolean[capacity];
        this.receiveTimeNanos = new long[capacity];
        this.packetInfoOffsets = new long[capacity];
    }

    /** A batch of {@code capacity} (1..1024) slots, each taking datagrams up to {@code bufferBytes}. */
    public static ReceiveBatch allocate(int capacity, int bufferBytes) {
        return new ReceiveBatch(capacity, bufferBytes);
    }

    public int capacity() {
        return slots.capacity;
    }

    /** The number of datagrams the last receive delivered. */
    public int size() {
        return size;
    }

    /** The datagram in {@code slot}: position 0, limit its length, big-endian. Same object every time. */
    public ByteBuffer payload(int slot) {
        return slots.view(slot).clear().limit(lengths[slot]).order(ByteOrder.BIG_ENDIAN);
    }

    /** The whole buffer of {@code slot}; the datagram is its first {@link #length} bytes. */
    public MemorySegment payloadSegment(int slot) {
        return slots.buffer(slot);
    }

    /** The datagram's length in bytes, at most the buffer size. */
    public int length(int slot) {
        return lengths[slot];
    }

    /** Whether the datagram was longer than the buffer and so was cut to its size. */
    public boolean truncated(int slot) {
        return truncated[slot];
    }

    /**
     * When the kernel received the datagram (CLOCK_REALTIME, ns since 1970), or 0 if not stamped; for
     * what {@link UdpSocket#transmitTimeNanos} took off the error queue, when it sent it.
     */
    public long receiveTimeNanos(int slot) {
        return receiveTimeNanos[slot];
    }

    public IpFamily sourceFamily(int slot) {
        return Sockaddr.family(slots.names, slots.nameOffset(slot));
    }

    /** The first 64 bits of the source address, as in {@link Endpoint#addressHigh()}. */
    public long sourceAddressHigh(int slot) {
        return Sockaddr.addressHigh(slots.names, slots.nameOffset(slot));
    }

    /** The last 64 bits of the source address, as in {@link Endpoint#addressLow()}. */
    public long sourceAddressLow(int slot) {
        return Sockaddr.addressLow(slots.names, slots.nameOffset(slot));
    }

    public int sourcePort(int slot) {
        return Sockaddr.port(slots.names, slots.nameOffset(slot));
    }

    /** Copies the datagram's source into {@code into}. */
    public void source(int slot, Endpoint into) {
        Sockaddr.read(slots.names, slots.nameOffset(slot), into);
    }

    /** The datagram's source as a JDK object; allocates, so for logs and tests. */
    public InetSocketAddress sourceAddress(int slot) {
        Endpoint endpoint = new Endpoint();
        source(slot, endpoint);
        return endpoint.toInetSocketAddress();
    }

    /**
     * Copies the address the datagram was sent to, with the socket's port, into {@code into}.
     * Known only on a wildcard-bound socket with packet info on; returns false (and leaves
     * {@code into} alone) otherwise.
     */
    public boolean destination(int slot, Endpoint into) {
        long offset = packetInfoOffsets[slot];
        if (offset < 0) {
            return false;
        }
        long data = offset + ControlMessages.HEADER_BYTES;
        MemorySegment controls = slots.controls;
        if (ControlMessages.level(controls, offset) == Libc.IPPROTO_IP) {
            into.setIpv4(controls.get(Sockaddr.NET_INT, data + ControlMessages.IN_PKTINFO_ADDR), localPort);
        } else {
            long high = controls.get(Sockaddr.NET_LONG, data + ControlMessages.IN6_PKTINFO_ADDR);
            long low = controls.get(Sockaddr.NET_LONG, data + ControlMessages.IN6_PKTINFO_ADDR + 8);
            into.setIpv6(high, low, localPort, isLinkLocal(high) ? interfaceIndex(slot) : 0);
        }
        return true;
    }

    /** The index of the interface the datagram arrived on, or 0 if not known (see {@link #destination}). */
    public int interfaceIndex(int slot) {
        long offset = packetInfoOffsets[slot];
        if (offset < 0) {
            return 0;
        }
        long data = offset + ControlMessages.HEADER_BYTES;
        return slots.controls.get(JAVA_INT_UNALIGNED, data + (ControlMessages.level(slots.controls, offset)
                == Libc.IPPROTO_IP ? ControlMessages.IN_PKTINFO_IFINDEX : ControlMessages.IN6_PKTINFO_IFINDEX));
    }

    @Override
    public void close() {
        slots.close();
    }

    MessageSlots slots() {
        return slots;
    }

    /** Offset of the slot's packet-info control message in {@code slots().controls}, or -1. */
    long packetInfoOffset(int slot) {
        return packetInfoOffsets[slot];
    }

    /** Restores the name and control lengths that the last receive shrank, before the next one. */
    void prepare() {
        for (int slot = 0; slot < size; slot++) {
            slots.setNameLength(slot, Sockaddr.SLOT_BYTES);
            slots.setControlLength(slot, CONTROL_BYTES);
        }
        size = 0;
    }

    /** Records what the kernel wrote into the first {@code count} slots. */
    void received(int count, int socketPort) {
        size = count;
        localPort = socketPort;
        for (int slot = 0; slot < count; slot++) {
            lengths[slot] = slots.messageLength(slot);
            truncated[slot] = (slots.flags(slot) & Libc.MSG_TRUNC) != 0;
            readControlMessages(slot);
        }
    }

    private void readControlMessages(int slot) {
        MemorySegment controls = slots.controls;
        long offset = slots.controlOffset(slot);
        long end = offset + slots.controlLength(slot);
        receiveTimeNanos[slot] = 0;
        packetInfoOffsets[slot] = -1;
        while (end - offset >= ControlMessages.HEADER_BYTES) {
            long length = ControlMessages.length(controls, offset);
            if (length < ControlMessages.HEADER_BYTES || length > end - offset) {
                return;
            }
            int level = ControlMessages.level(controls, offset);
            int type = ControlMessages.type(controls, offset);
            if (level == Libc.SOL_SOCKET && (type == Libc.SCM_TIMESTAMPNS || type == Libc.SCM_TIMESTAMPING)) {
                long data = offset + ControlMessages.HEADER_BYTES;
                long stamp = controls.get(JAVA_LONG, data) * NANOS_PER_SECOND + controls.get(JAVA_LONG, data + 8);
                if (stamp != 0) {
                    receiveTimeNanos[slot] = stamp;
                }
            } else if (ControlMessages.isPacketInfo(level, type)) {
                packetInfoOffsets[slot] = offset;
            }
            offset += ControlMessages.align(length);
        }
    }

    private static boolean isLinkLocal(long addressHigh) {
        return (addressHigh >>> 54) == 0x3FA;
    }
}
