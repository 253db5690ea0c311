package org.jntp.ntpq;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jntp.protocol.control.VariableValue;

/**
 * An address and port read from a response as ntpq's {@code decodenetnum} reads them (never a
 * name lookup): IPv4 dotted, IPv6 with or without brackets, {@code [v6]:port} or
 * {@code v4:port}; and libntp's ways of printing them.
 *
 * @param address the address
 * @param port the port, 0 when none was given
 */
public record NetAddress(InetAddress address, int port) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[0-9A-Za-z_.-]+)?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final int REFCLOCK_PREFIX = 0x7F7F_0000;
    private static final String[] CLOCK_NAMES = {
        "UNKNOWN", "LOCAL", "GPS_TRAK", "WWV_PST", "SPECTRACOM", "TRUETIME", "IRIG_AUDIO", "CHU_AUDIO",
        "GENERIC", "GPS_MX4200", "GPS_AS2201", "GPS_ARBITER", "IRIG_TPRO", "ATOM_LEITCH", "MSF_EES", null,
        "GPS_BANC", "GPS_DATUM", "ACTS_MODEM", "WWV_HEATH", "GPS_NMEA", "GPS_VME", "PPS", null,
        null, "GPS_SYMM", "GPS_HP", "MSF_ARCRON", "SHM", "GPS_PALISADE", "GPS_ONCORE", "GPS_JUPITER",
        "CHRONOLOG", "DUMBCLOCK", "ULINK_M320", "PCF", "WWV_AUDIO", "GPS_FG", "HOPF_S", "HOPF_P",
        "JJY", "TT_IRIG", "GPS_ZYFER", "GPS_RIPENCC", "NEOCLK4X", "PCI_TSYNC", "GPSD_JSON",
    };

    /** Requires an address and a 16-bit port. */
    public NetAddress {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The unspecified IPv4 address, what ntpq holds for a variable it did not get. */
    public static NetAddress unspecified() {
        return new NetAddress(v4(0), 0);
    }

    /** {@code decodenetnum}: an address literal, optionally with a port; empty if it is none. */
    public static Optional<NetAddress> parse(String text) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) > 0xFFFF)) {
            return Optional.empty();
        }
        int portNumber = port == null ? 0 : Integer.parseInt(port);
        if (IPV4.matcher(host).matches()) {
            String[] parts = host.split("\\.");
            int bits = 0;
            for (String part : parts) {
                bits = bits << 8 | Integer.parseInt(part);
            }
            return Optional.of(new NetAddress(v4(bits), portNumber));
        }
        if (host.indexOf(':') >= 0 && IPV6.matcher(host).matches()) {
            try {
                return Optional.of(new NetAddress(InetAddress.getByName(host), portNumber));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static InetAddress v4(int bits) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are an IPv4 address", e);
        }
    }

    /** Whether it is an IPv4 address. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The IPv4 address as a 32-bit number; 0 for IPv6. */
    public int ipv4Bits() {
        if (!(address instanceof Inet4Address)) {
            return 0;
        }
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    /** {@code SOCK_UNSPEC}: the all-zero address. */
    public boolean isUnspecified() {
        return address.isAnyLocalAddress();
    }

    /** {@code ISREFCLOCKADR}: 127.127.t.u, a reference clock of type t, unit u. */
    public boolean isRefclock() {
        return isIpv4() && (ipv4Bits() & 0xFFFF_0000) == REFCLOCK_PREFIX;
    }

    /** {@code IS_MCAST}. */
    public boolean isMulticast() {
        return address.isMulticastAddress();
    }

    /** {@code stoa}: the address alone. */
    public String text() {
        return new VariableValue.Address(address).text();
    }

    /** {@code sptoa}: the address and port, IPv6 in brackets. */
    public String textWithPort() {
        return address instanceof Inet6Address ? "[" + text() + "]:" + port : text() + ":" + port;
    }

    /** {@code refnumtoa}: a reference clock address by its driver's name, e.g. {@code LOCAL(0)}. */
    public String refclockText() {
        int type = ipv4Bits() >>> 8 & 0xFF;
        int unit = ipv4Bits() & 0xFF;
        String name = type < CLOCK_NAMES.length ? CLOCK_NAMES[type] : null;
        return name != null ? name + "(" + unit + ")" : "REFCLK(" + type + "," + unit + ")";
    }
}
