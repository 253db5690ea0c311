package org.jntp.nts;

import java.nio.ByteBuffer;
import org.jntp.protocol.ExtensionField;
import org.jntp.protocol.NtpHeader;

/**
 * Finds the NTS extension fields of an NTPv4 packet without copying them. Fields are read after the
 * header while more than 24 octets are left (RFC 7822 §7.5: 24 or fewer are a MAC), up to and
 * including the first Authenticator: fields after it are not authenticated, and RFC 8915 §5.7 has
 * both sides process the packet as if they were not there. Fields of other types are skipped
 * (RFC 7822 §3).
 */
public final class NtsFieldScan {
    /** The longest MAC of an NTPv4 packet: octets left that are not an extension field. */
    private static final int MAX_MAC_OCTETS = 24;

    private NtsFieldScan() {}

    /** What scanning a packet gives. */
    public sealed interface Scan {}

    /** A field's length is under 16, not a multiple of 4, or runs past the packet. */
    public record Malformed() implements Scan {}

    /**
     * Where the NTS fields are; an index of -1 means the packet has none of that type.
     *
     * @param uniqueIdIndex          the first Unique Identifier's body
     * @param uniqueIdOctets         its body's length, padding included
     * @param uniqueIds              how many Unique Identifiers there are
     * @param cookieIndex            the first Cookie's body
     * @param cookieOctets           its body's length, padding included
     * @param cookies                how many Cookies there are
     * @param placeholders           how many Cookie Placeholders there are
     * @param placeholderOctets      their bodies' lengths added up
     * @param authenticatorIndex     the Authenticator field (its header), which ends the scan
     * @param authenticatorLength    its length, header included
     */
    public record Fields(int uniqueIdIndex, int uniqueIdOctets, int uniqueIds, int cookieIndex, int cookieOctets,
            int cookies, int placeholders, int placeholderOctets, int authenticatorIndex, int authenticatorLength)
            implements Scan {
        /** True when the packet carries no NTS field at all. */
        public boolean none() {
            return uniqueIds == 0 && cookies == 0 && placeholders == 0 && authenticatorIndex < 0;
        }

        /** True when every placeholder's body is as long as the cookie's, as RFC 8915 §5.5 asks. */
        public boolean placeholdersFitCookie() {
            return placeholderOctets == placeholders * cookieOctets;
        }
    }

    /** Scans the packet from index 0 to {@code length}; any octets give a result. */
    public static Scan scan(ByteBuffer packet, int length) {
        int uniqueIdIndex = -1;
        int uniqueIdOctets = 0;
        int uniqueIds = 0;
        int cookieIndex = -1;
        int cookieOctets = 0;
        int cookies = 0;
        int placeholders = 0;
        int placeholderOctets = 0;
        int index = NtpHeader.LENGTH;
        while (length - index > MAX_MAC_OCTETS) {
            int fieldLength = NtsFields.length(packet, index);
            if (fieldLength < ExtensionField.MIN_LENGTH || fieldLength % 4 != 0 || fieldLength > length - index) {
                return new Malformed();
            }
            int body = index + ExtensionField.HEADER_LENGTH;
            int bodyOctets = fieldLength - ExtensionField.HEADER_LENGTH;
            int type = NtsFields.type(packet, index);
            if (type == NtsFieldType.UNIQUE_IDENTIFIER.code()) {
                if (uniqueIds++ == 0) {
                    uniqueIdIndex = body;
                    uniqueIdOctets = bodyOctets;
                }
            } else if (type == NtsFieldType.COOKIE.code()) {
                if (cookies++ == 0) {
                    cookieIndex = body;
                    cookieOctets = bodyOctets;
                }
            } else if (type == NtsFieldType.COOKIE_PLACEHOLDER.code()) {
                placeholders++;
                placeholderOctets += bodyOctets;
            } else if (type == NtsFieldType.AUTHENTICATOR.code()) {
                return new Fields(uniqueIdIndex, uniqueIdOctets, uniqueIds, cookieIndex, cookieOctets, cookies,
                        placeholders, placeholderOctets, index, fieldLength);
            }
            index += fieldLength;
        }
        return new Fields(uniqueIdIndex, uniqueIdOctets, uniqueIds, cookieIndex, cookieOctets, cookies, placeholders,
                placeholderOctets, -1, 0);
    }
}
