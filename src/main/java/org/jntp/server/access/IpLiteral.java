package org.jntp.server.access;

import java.util.Optional;

/** Parses and prints numeric IP literals without any name resolution. */
final class IpLiteral {
    private static final int GROUPS = 8;

    private IpLiteral() {}

    static Optional<IpAddress> parse(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** Four decimal octets without leading zeros, as inet_pton accepts them. */
    static Optional<IpAddress> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int address = 0;
        for (String part : parts) {
            int octet = decimalOctet(part);
            if (octet < 0) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        return Optional.of(IpAddress.ipv4(address));
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 10);
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value <= 255 ? value : -1;
    }

    private static Optional<IpAddress> parseIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        int[] words = new int[GROUPS];
        if (doubleColon < 0) {
            return parseGroups(text, words) == GROUPS ? Optional.of(fromWords(words)) : Optional.empty();
        }
        String headText = text.substring(0, doubleColon);
        String tailText = text.substring(doubleColon + 2);
        int[] tail = new int[GROUPS];
        int headCount = headText.isEmpty() ? 0 : parseGroups(headText, words);
        int tailCount = tailText.isEmpty() ? 0 : parseGroups(tailText, tail);
        if (headCount < 0 || tailCount < 0 || headCount + tailCount > GROUPS - 1
                || (headText.indexOf('.') >= 0)) {
            return Optional.empty();
        }
        System.arraycopy(tail, 0, words, GROUPS - tailCount, tailCount);
        return Optional.of(fromWords(words));
    }

    /** Fills words with colon-separated groups (an IPv4 tail counts two); -1 if malformed. */
    private static int parseGroups(String text, int[] words) {
        String[] parts = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                Optional<IpAddress> ipv4 = parseIpv4(part);
                if (ipv4.isEmpty() || count + 2 > GROUPS) {
                    return -1;
                }
                words[count++] = ipv4.get().ipv4() >>> 16;
                words[count++] = ipv4.get().ipv4() & 0xFFFF;
            } else {
                int word = hexWord(part);
                if (word < 0 || count >= GROUPS) {
                    return -1;
                }
                words[count++] = word;
            }
        }
        return count;
    }

    private static int hexWord(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static IpAddress fromWords(int[] words) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | words[i];
            low = (low << 16) | words[i + 4];
        }
        return IpAddress.ipv6(high, low);
    }

    static String format(IpAddress address) {
        return switch (address.family()) {
            case IPV4 -> formatIpv4(address.ipv4());
            case IPV6 -> formatIpv6(address.high(), address.low());
        };
    }

    private static String formatIpv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups as "::". */
    private static String formatIpv6(long high, long low) {
        int[] words = new int[GROUPS];
        for (int i = 0; i < 4; i++) {
            words[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            words[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int length = 0;
            while (i + length < GROUPS && words[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(words[i]));
            }
        }
        return text.toString();
    }
}
