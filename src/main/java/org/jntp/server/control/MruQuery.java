package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jntp.protocol.control.RequestedVariable;
import org.jntp.protocol.control.RequestedVariables;
import org.jntp.protocol.control.VariableRequestParse;
import org.jntp.server.access.IpAddress;

/**
 * A READ_MRU request ({@code ntpq mrulist}) as ntpd's {@code read_mru_list} reads it: the nonce,
 * how much to send ({@code frags}, {@code limit}), the filters ({@code mincount}, {@code resall},
 * {@code resany}, {@code maxlstint}) and where the client got to ({@code last.N}, {@code addr.N}).
 * As in ntpd, reading stops at the first name it does not know. {@code laddr} is read but not
 * applied: the MRU list does not keep the local address.
 *
 * @param nonce the nonce sent, if any
 * @param frags the most fragments to send, 0 when not given
 * @param limit the most entries to send, 0 when not given
 * @param mincount only entries with at least this many packets
 * @param restrictAll only entries with all of these restrict flags, 0 for any
 * @param restrictAny only entries with one of these restrict flags, 0 for any
 * @param maxLastIntervalSeconds only entries heard from within this many seconds, 0 for any
 * @param priors the entries the client has, newest first, to go on after
 */
record MruQuery(Optional<String> nonce, long frags, long limit, long mincount, int restrictAll, int restrictAny,
        long maxLastIntervalSeconds, List<Prior> priors) {

    /** ntpd's {@code MRU_ROW_LIMIT}: the most entries {@code limit} may ask for. */
    static final int ROW_LIMIT = 256;
    /** ntpd's {@code MRU_FRAGS_LIMIT}: the most fragments {@code frags} may ask for. */
    static final int FRAGS_LIMIT = 128;
    /** ntpd reads {@code last.0} to {@code last.15}. */
    private static final int MAX_PRIORS = 16;

    private static final Pattern INDEXED = Pattern.compile("(last|addr)\\.(\\d{1,2})");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,10}");
    private static final Pattern HEX_FLAGS = Pattern.compile("0x([0-9a-fA-F]{1,4})");
    private static final Pattern TIMESTAMP = Pattern.compile("0x([0-9a-fA-F]{1,8})\\.([0-9a-fA-F]{1,8})");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::(\\d{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d{1,5}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Copies the priors. */
    MruQuery {
        Objects.requireNonNull(nonce, "nonce");
        priors = List.copyOf(priors);
    }

    /** An entry the client already has: its address and port and when it was last heard from. */
    record Prior(InetSocketAddress address, long lastBits) {}

    /** What a request comes to. */
    sealed interface Parse {
        /** A request to answer, once its nonce is checked. */
        record Read(MruQuery query) implements Parse {}

        /** A value ntpd cannot read: BADVALUE. */
        record BadValue(String name) implements Parse {}
    }

    static Parse parse(byte[] data) {
        List<RequestedVariable> items = switch (RequestedVariables.parse(data)) {
            case VariableRequestParse.Parsed parsed -> parsed.variables();
            case VariableRequestParse.ValueTooLong tooLong -> List.of();
        };
        Optional<String> nonce = Optional.empty();
        long[] numbers = new long[Field.values().length];
        long[] lasts = new long[MAX_PRIORS];
        InetSocketAddress[] addresses = new InetSocketAddress[MAX_PRIORS];
        int priorCount = 0;
        for (RequestedVariable item : items) {
            String name = item.name();
            String value = item.value().orElse("");
            Optional<Field> field = Field.of(name);
            Matcher indexed = INDEXED.matcher(name);
            if (name.equals("nonce")) {
                nonce = value.isEmpty() ? Optional.empty() : Optional.of(value);
            } else if (name.equals("laddr")) {
                continue;
            } else if (field.isPresent()) {
                OptionalLong number = field.get().read(value);
                if (number.isEmpty()) {
                    return new Parse.BadValue(name);
                }
                numbers[field.get().ordinal()] = number.getAsLong();
            } else if (indexed.matches() && Integer.parseInt(indexed.group(2)) < MAX_PRIORS) {
                int index = Integer.parseInt(indexed.group(2));
                if (indexed.group(1).equals("last")) {
                    OptionalLong bits = timestampBits(value);
                    if (bits.isEmpty()) {
                        return new Parse.BadValue(name);
                    }
                    lasts[index] = bits.getAsLong();
                } else {
                    Optional<InetSocketAddress> address = socketAddress(value);
                    if (address.isEmpty()) {
                        return new Parse.BadValue(name);
                    }
                    addresses[index] = address.get();
                }
                priorCount = Math.max(priorCount, index + 1);
            } else {
                break;
            }
        }
        List<Prior> priors = new ArrayList<>();
        for (int i = 0; i < priorCount; i++) {
            if (addresses[i] != null) {
                priors.add(new Prior(addresses[i], lasts[i]));
            }
        }
        return new Parse.Read(new MruQuery(nonce, numbers[Field.FRAGS.ordinal()], numbers[Field.LIMIT.ordinal()],
                numbers[Field.MINCOUNT.ordinal()], (int) numbers[Field.RESALL.ordinal()],
                (int) numbers[Field.RESANY.ordinal()], numbers[Field.MAXLSTINT.ordinal()], priors));
    }

    /** The numeric parameters, decimal but for the restrict flag masks ({@code 0x%hx}). */
    private enum Field {
        FRAGS("frags", false),
        LIMIT("limit", false),
        MINCOUNT("mincount", false),
        RESALL("resall", true),
        RESANY("resany", true),
        MAXLSTINT("maxlstint", false);

        private final String text;
        private final boolean hex;

        Field(String text, boolean hex) {
            this.text = text;
            this.hex = hex;
        }

        static Optional<Field> of(String name) {
            for (Field field : values()) {
                if (field.text.equals(name)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }

        OptionalLong read(String value) {
            if (hex) {
                Matcher m = HEX_FLAGS.matcher(value);
                return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1), 16)) : OptionalLong.empty();
            }
            return DECIMAL.matcher(value).matches() ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
        }
    }

    private static OptionalLong timestampBits(String value) {
        Matcher m = TIMESTAMP.matcher(value);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(1), 16) << 32 | Long.parseLong(m.group(2), 16));
    }

    /**
     * An address as ntpd's {@code decodenetnum} reads it: {@code 192.0.2.1:123},
     * {@code [2001:db8::1]:123}, or without a port, meaning 123.
     */
    static Optional<InetSocketAddress> socketAddress(String value) {
        Matcher bracketed = BRACKETED.matcher(value);
        Matcher ipv4 = IPV4.matcher(value);
        String host;
        String port;
        if (bracketed.matches()) {
            host = bracketed.group(1);
            port = bracketed.group(2);
        } else if (ipv4.matches()) {
            host = ipv4.group(1);
            port = ipv4.group(2);
        } else if (IPV6.matcher(value).matches()) {
            host = value;
            port = null;
        } else {
            return Optional.empty();
        }
        int portNumber = port == null ? 123 : Integer.parseInt(port);
        if (portNumber > 0xFFFF) {
            return Optional.empty();
        }
        return IpAddress.parseLiteral(host).map(ip -> new InetSocketAddress(ip.inetAddress(), portNumber));
    }
}
