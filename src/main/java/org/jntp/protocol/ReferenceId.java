package org.jntp.protocol;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 32-bit reference identifier (RFC 5905 §7.3): an IPv4 address, the first four octets of the
 * MD5 hash of an IPv6 address, or four ASCII characters (a reference clock name at stratum 1, a
 * kiss code at stratum 0).
 *
 * @param bits the four octets in network order, first octet in the high byte
 */
public record ReferenceId(int bits) {
    /** The all-zero identifier. */
    public static final ReferenceId NONE = new ReferenceId(0);

    private static final int LENGTH = 4;
    private static final int STRATUM_UNSPECIFIED = 16;

    /** The identifier of an IPv4 server: its address. */
    public static ReferenceId ofIpv4(byte[] address) {
        if (address.length != LENGTH) {
            throw new IllegalArgumentException("IPv4 address needs 4 octets, got " + address.length);
        }
        return new ReferenceId(pack(address));
    }

    /** The identifier of an IPv6 server: the first four octets of the MD5 hash of its address. */
    public static ReferenceId ofIpv6(byte[] address) {
        if (address.length != 16) {
            throw new IllegalArgumentException("IPv6 address needs 16 octets, got " + address.length);
        }
        return new ReferenceId(pack(md5(address)));
    }

    /** The identifier of a server address, IPv4 or IPv6. */
    public static ReferenceId ofAddress(InetAddress address) {
        return switch (address) {
            case Inet4Address v4 -> ofIpv4(v4.getAddress());
            case Inet6Address v6 -> ofIpv6(v6.getAddress());
            default -> throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
        };
    }

    /**
     * The identifier for up to four printable ASCII characters, left-justified and zero-padded,
     * e.g. {@code "GPS"} or {@code "LOCL"}.
     */
    public static ReferenceId ofAscii(String text) {
        if (text.length() > LENGTH || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not 1-4 printable ASCII characters: " + text);
        }
        return new ReferenceId(packChars(text));
    }

    static int packChars(String text) {
        int bits = 0;
        for (int i = 0; i < LENGTH; i++) {
            bits = (bits << 8) | (i < text.length() ? text.charAt(i) : 0);
        }
        return bits;
    }

    private static int pack(byte[] octets) {
        return ((octets[0] & 0xFF) << 24) | ((octets[1] & 0xFF) << 16)
                | ((octets[2] & 0xFF) << 8) | (octets[3] & 0xFF);
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    /** The four octets read as a kiss code (trailing NULs dropped, other octets kept as they are). */
    public KissCode asKissCode() {
        int length = LENGTH;
        while (length > 0 && octet(length - 1) == 0) {
            length--;
        }
        byte[] octets = new byte[length];
        for (int i = 0; i < length; i++) {
            octets[i] = (byte) octet(i);
        }
        return new KissCode(new String(octets, StandardCharsets.ISO_8859_1));
    }

    /**
     * The identifier as ntpq shows it for a source of this stratum: text between dots
     * ({@code .LOCL.}, {@code .INIT.}) at stratum 0, 1 and 16 and above, where it is a name or a
     * kiss code, and a dotted quad otherwise.
     */
    public String display(int stratum) {
        return stratum <= 1 || stratum >= STRATUM_UNSPECIFIED ? "." + text() + "." : dottedQuad();
    }

    /**
     * A best guess without the stratum: text between dots when all octets are printable ASCII
     * (trailing NULs allowed), otherwise a dotted quad. Use {@link #display} for ntpq's exact form.
     */
    @Override
    public String toString() {
        return looksLikeText() ? "." + text() + "." : dottedQuad();
    }

    private boolean looksLikeText() {
        boolean ended = false;
        for (int i = 0; i < LENGTH; i++) {
            int c = octet(i);
            if (c == 0) {
                ended = true;
            } else if (ended || !isPrintable(c)) {
                return false;
            }
        }
        return octet(0) != 0;
    }

    /** Up to the first NUL, non-printable octets shown as '.', as ntpd's control protocol sends it. */
    private String text() {
        StringBuilder text = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH && octet(i) != 0; i++) {
            int c = octet(i);
            text.append(isPrintable(c) ? (char) c : '.');
        }
        return text.toString();
    }

    private String dottedQuad() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }

    private int octet(int index) {
        return (bits >>> (24 - 8 * index)) & 0xFF;
    }

    private static boolean isPrintable(int c) {
        return c >= 0x20 && c < 0x7F;
    }
}
