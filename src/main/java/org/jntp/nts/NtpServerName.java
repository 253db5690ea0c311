package org.jntp.nts;

/**
 * The body of an NTPv4 Server Negotiation record (RFC 8915 §4.1.7): an IPv4 address, an IPv6
 * address or a domain name, in ASCII; here printable characters other than space, so that what is
 * read can be logged and resolved as it is.
 */
final class NtpServerName {
    private NtpServerName() {}

    static boolean isValid(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        for (byte octet : body) {
            if (octet < 0x21 || octet > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
