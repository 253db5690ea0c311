package org.jntp.nts;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One NTS-KE record (RFC 8915 §4): the critical bit, a 15-bit type and a body of at most 65535
 * octets.
 */
public record KeRecord(boolean critical, int type, byte[] body) {
    /** The largest record type number: the type field is 15 bits wide. */
    public static final int MAX_TYPE = 0x7fff;
    /** The largest body: its length field is 16 bits wide. */
    public static final int MAX_BODY_OCTETS = 0xffff;

    /** Checks the fields fit the wire format and keeps a copy of the body. */
    public KeRecord {
        if (type < 0 || type > MAX_TYPE) {
            throw new IllegalArgumentException("record type " + type + " is not 15 bits");
        }
        if (body.length > MAX_BODY_OCTETS) {
            throw new IllegalArgumentException("record body of " + body.length + " octets is too long");
        }
        body = body.clone();
    }

    /** A record of a known type. */
    public static KeRecord of(boolean critical, KeRecordType type, byte[] body) {
        return new KeRecord(critical, type.number(), body);
    }

    /** A record whose body is a list of 16-bit numbers, as protocol and algorithm lists are. */
    public static KeRecord ofNumbers(boolean critical, KeRecordType type, int... numbers) {
        byte[] body = new byte[2 * numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            body[2 * i] = (byte) (numbers[i] >>> 8);
            body[2 * i + 1] = (byte) numbers[i];
        }
        return of(critical, type, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeRecord that && critical == that.critical && type == that.type
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Boolean.hashCode(critical) + type) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "KeRecord[" + (critical ? "critical " : "") + "type " + type + ", body "
                + HexFormat.of().formatHex(body) + "]";
    }
}
