package org.jntp.protocol.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jntp.protocol.ReferenceId;

/**
 * A variable's value in a response, formatted as ntpd 4.2.8 formats it ({@code ctl_put*} in
 * {@code ntp_control.c}), so the daemon builds variable lists from typed values.
 */
public sealed interface VariableValue {

    /** The text after {@code name=}, quotes included for {@link Text}. */
    String text();

    /** An unsigned integer in decimal ({@code ctl_putuint}): leap, stratum, hpoll, tc, peer... */
    record Unsigned(long value) implements VariableValue {
        @Override
        public String text() {
            return Long.toUnsignedString(value);
        }
    }

    /** A signed integer in decimal ({@code ctl_putint}): precision. */
    record Signed(long value) implements VariableValue {
        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** An unsigned integer in hex with {@code 0x} ({@code ctl_puthex}): reach, flash. */
    record Hex(long value) implements VariableValue {
        @Override
        public String text() {
            return "0x" + Long.toHexString(value);
        }
    }

    /**
     * A number with a fixed count of decimals ({@code ctl_putdbl}, {@code %.3f}; {@code
     * ctl_putdbl6}, {@code %.6f}), rounded as C's printf.
     *
     * @param value the number as printed, already scaled (e.g. to milliseconds)
     * @param decimals digits after the point
     */
    record Fixed(double value, int decimals) implements VariableValue {
        /** Decimals of ntpd's {@code ctl_putdbl}: most values. */
        public static final int DECIMALS = 3;
        /** Decimals of ntpd's {@code ctl_putdbl6}: the system offset and sys_jitter. */
        public static final int FINE_DECIMALS = 6;

        /** Requires 0 to 17 decimals. */
        public Fixed {
            if (decimals < 0 || decimals > 17) {
                throw new IllegalArgumentException("decimals out of range: " + decimals);
            }
        }

        /**
         * Seconds shown in milliseconds with 3 decimals: peer offset, delay, dispersion, jitter;
         * system rootdelay, rootdisp, clk_jitter.
         */
        public static Fixed millis(double seconds) {
            return new Fixed(seconds * 1e3, DECIMALS);
        }

        /** Seconds shown in milliseconds with 6 decimals: system offset and sys_jitter. */
        public static Fixed millisFine(double seconds) {
            return new Fixed(seconds * 1e3, FINE_DECIMALS);
        }

        /** A dimensionless rate shown in ppm with 3 decimals: frequency, clk_wander. */
        public static Fixed ppm(double rate) {
            return new Fixed(rate * 1e6, DECIMALS);
        }

        @Override
        public String text() {
            return CNumbers.fixed(value, decimals);
        }
    }

    /** A number as C's {@code %g} prints it ({@code ctl_putsfp}): the kernel values. */
    record General(double value) implements VariableValue {
        @Override
        public String text() {
            return CNumbers.general(value);
        }
    }

    /** An NTP timestamp in hex, {@code 0xhhhhhhhh.hhhhhhhh} ({@code ctl_putts}): reftime, rec, clock. */
    record Timestamp(long bits) implements VariableValue {
        @Override
        public String text() {
            return String.format("0x%08x.%08x", bits >>> 32, bits & 0xFFFF_FFFFL);
        }
    }

    /** A string in double quotes ({@code ctl_putstr}): version, system, srchost. Not escaped. */
    record Text(String value) implements VariableValue {
        /** Requires a value. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return '"' + value + '"';
        }
    }

    /**
     * A string without quotes ({@code ctl_putunqstr}); it must hold no comma, quote or line break.
     * Spaces pass (ntpd's reslist sends its flags as words separated by spaces).
     */
    record Word(String value) implements VariableValue {
        /** Requires a value. */
        public Word {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }

    /**
     * A reference ID as ntpd shows it for a source at this stratum ({@code REFID_ISTEXT}): at
     * stratum 0, 1 and 16 and above its octets up to the first NUL as text, with non-printable
     * octets, spaces and commas as {@code .} ({@code ctl_putrefid}); otherwise a dotted quad.
     */
    record RefId(ReferenceId id, int stratum) implements VariableValue {
        private static final int STRATUM_UNSPEC = 16;

        /** Requires an ID. */
        public RefId {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String text() {
            int bits = id.bits();
            if (stratum > 1 && stratum < STRATUM_UNSPEC) {
                return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
            }
            StringBuilder text = new StringBuilder(4);
            for (int shift = 24; shift >= 0 && ((bits >>> shift) & 0xFF) != 0; shift -= 8) {
                char c = (char) ((bits >>> shift) & 0xFF);
                text.append(c > ' ' && c < 0x7F && c != ',' ? c : '.');
            }
            return text.toString();
        }
    }

    /**
     * An IP address as ntpd's {@code stoa} writes it: IPv4 dotted, IPv6 in the shortest form
     * (RFC 5952, as {@code inet_ntop}), a scope ID after {@code %}: srcadr, dstadr.
     */
    record Address(InetAddress address) implements VariableValue {
        /** Requires an address. */
        public Address {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String text() {
            return switch (address) {
                case Inet4Address v4 -> v4.getHostAddress();
                case Inet6Address v6 -> Ipv6Text.of(v6.getAddress())
                        + (v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "");
                default -> throw new IllegalStateException("neither IPv4 nor IPv6: " + address);
            };
        }
    }

    /**
     * The clock filter's eight samples, newest first, in milliseconds with 2 decimals, each after
     * a space ({@code ctl_putarray}): filtdelay, filtoffset, filtdisp.
     *
     * @param seconds the samples in seconds, in the order to print
     */
    record FilterArray(List<Double> seconds) implements VariableValue {
        /** Copies the list. */
        public FilterArray {
            seconds = List.copyOf(seconds);
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder();
            for (double sample : seconds) {
                text.append(' ').append(CNumbers.fixed(sample * 1e3, 2));
            }
            return text.toString();
        }
    }
}
