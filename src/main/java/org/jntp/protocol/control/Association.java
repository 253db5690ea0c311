package org.jntp.protocol.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of READSTAT's association list: an association ID and its peer status word, two
 * 16-bit words on the wire.
 *
 * @param associationId the association ID, 1 to 65535
 * @param status the association's peer status
 */
public record Association(int associationId, PeerStatus status) {
    /** Octets per entry. */
    public static final int LENGTH = 4;

    /** Checks the ID fits 16 bits. */
    public Association {
        Objects.requireNonNull(status, "status");
        if (associationId < 0 || associationId > 0xFFFF) {
            throw new IllegalArgumentException("association ID out of range: " + associationId);
        }
    }

    /** READSTAT's payload for these associations, in order. */
    public static byte[] encode(List<Association> associations) {
        byte[] payload = new byte[associations.size() * LENGTH];
        int at = 0;
        for (Association association : associations) {
            int word = association.status.word();
            payload[at++] = (byte) (association.associationId >>> 8);
            payload[at++] = (byte) association.associationId;
            payload[at++] = (byte) (word >>> 8);
            payload[at++] = (byte) word;
        }
        return payload;
    }

    /** The entries of a READSTAT payload; 1 to 3 trailing octets that make no entry are ignored. */
    public static List<Association> decode(byte[] payload) {
        List<Association> associations = new ArrayList<>(payload.length / LENGTH);
        for (int at = 0; at + LENGTH <= payload.length; at += LENGTH) {
            associations.add(new Association(((payload[at] & 0xFF) << 8) | (payload[at + 1] & 0xFF),
                    PeerStatus.decode(((payload[at + 2] & 0xFF) << 8) | (payload[at + 3] & 0xFF))));
        }
        return associations;
    }
}
