package org.jntp.nts;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * NTS-KE messages as lists of records (RFC 8915 §4): a message is records up to and including an
 * End of Message record, which has the critical bit set and an empty body, and nothing after it.
 */
public final class KeRecords {
    private static final int HEADER_OCTETS = 4;
    private static final int CRITICAL_BIT = 0x8000;

    private KeRecords() {}

    /** What a message decodes to. */
    public sealed interface Decoded {}

    /** A well-formed message: its records before the End of Message record, in order. */
    public record Message(List<KeRecord> records) implements Decoded {
        /** Keeps an unmodifiable copy. */
        public Message {
            records = List.copyOf(records);
        }
    }

    /**
     * Not a message: a record runs past the end, there is no End of Message, something follows it,
     * or it has a body or lacks the critical bit.
     */
    public record Malformed() implements Decoded {}

    /** How much of a stream holds a whole message. */
    public sealed interface Scan {}

    /** The first {@code octets} octets end with an End of Message record. */
    public record Complete(int octets) implements Scan {}

    /** No End of Message record yet: read more. */
    public record Incomplete() implements Scan {}

    /**
     * Whether the first {@code length} octets read from a stream hold a whole message, judged by
     * the record headers alone; {@link #decode} then checks the message.
     */
    public static Scan scan(byte[] buffer, int length) {
        int at = 0;
        while (length - at >= HEADER_OCTETS) {
            int type = u16(buffer, at) & KeRecord.MAX_TYPE;
            int end = at + HEADER_OCTETS + u16(buffer, at + 2);
            if (end > length) {
                return new Incomplete();
            }
            if (type == KeRecordType.END_OF_MESSAGE.number()) {
                return new Complete(end);
            }
            at = end;
        }
        return new Incomplete();
    }

    /** Splits a whole message into records; never throws on any input. */
    public static Decoded decode(byte[] message) {
        List<KeRecord> records = new ArrayList<>();
        int at = 0;
        while (message.length - at >= HEADER_OCTETS) {
            int typeField = u16(message, at);
            int bodyOctets = u16(message, at + 2);
            int bodyStart = at + HEADER_OCTETS;
            if (message.length - bodyStart < bodyOctets) {
                return new Malformed();
            }
            boolean critical = (typeField & CRITICAL_BIT) != 0;
            int type = typeField & KeRecord.MAX_TYPE;
            at = bodyStart + bodyOctets;
            if (type == KeRecordType.END_OF_MESSAGE.number()) {
                boolean wellFormedEnd = critical && bodyOctets == 0 && at == message.length;
                return wellFormedEnd ? new Message(records) : new Malformed();
            }
            byte[] body = new byte[bodyOctets];
            System.arraycopy(message, bodyStart, body, 0, bodyOctets);
            records.add(new KeRecord(critical, type, body));
        }
        return new Malformed();
    }

    /** The message of these records followed by an End of Message record. */
    public static byte[] encode(List<KeRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (KeRecord record : records) {
            write(out, record);
        }
        write(out, KeRecord.of(true, KeRecordType.END_OF_MESSAGE, new byte[0]));
        return out.toByteArray();
    }

    /** The 16-bit numbers of a body of even length, as protocol and algorithm lists are. */
    static List<Integer> numbers(byte[] body) {
        List<Integer> numbers = new ArrayList<>(body.length / 2);
        for (int i = 0; i + 1 < body.length; i += 2) {
            numbers.add(u16(body, i));
        }
        return numbers;
    }

    private static void write(ByteArrayOutputStream out, KeRecord record) {
        byte[] body = record.body();
        int typeField = (record.critical() ? CRITICAL_BIT : 0) | record.type();
        out.write(typeField >>> 8);
        out.write(typeField);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.writeBytes(body);
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
