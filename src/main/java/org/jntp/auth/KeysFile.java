package org.jntp.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jntp.config.ConfigError;

/**
 * Reads the keys file as ntpd 4.2.8's {@code authreadkeys} does: one key a line, {@code keyid type
 * key}, words separated by blanks, {@code #} ending the line. A key of up to 20 characters is the
 * ASCII text itself; a longer one is hex, of which ntpd uses the first 64 digits (32 octets).
 * Pure: the text comes in, keys and problems go out.
 *
 * <p>As in ntpd, any error rejects the whole file, while a key of a type that cannot be computed is
 * only left out, with a warning. ntpd 4.2.8's optional fourth word, a list of addresses allowed to
 * use the key, is an error here: jntp cannot honour the restriction, and ignoring it would let
 * every address use the key.
 */
public final class KeysFile {
    /** Longer keys are hex. */
    public static final int MAX_ASCII_KEY_LENGTH = 20;
    /** Hex digits ntpd reads at most (32 octets); the rest of a longer key is ignored. */
    public static final int MAX_HEX_DIGITS = 64;

    private static final String FORMAT = "write the line as \"keyid type key\", such as \"1 SHA1 "
            + "5d3bf8e2a95c1d4e8f0a7b6c3d2e1f0a9b8c7d6e\"";
    private static final String TYPES = "use MD5, SHA1, SHA256 or AES128CMAC";

    private final String fileName;
    private final List<SymmetricKey> keys = new ArrayList<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> warnings = new ArrayList<>();
    private final Map<Integer, Integer> lineOfKey = new HashMap<>();

    private KeysFile(String fileName) {
        this.fileName = fileName;
    }

    /**
     * What a keys file holds.
     *
     * @param keys the keys, in file order; empty when there are errors, as ntpd then loads none
     * @param errors the problems that reject the file, in file order
     * @param warnings keys left out and keys read differently than their writer may have meant
     */
    public record Result(List<SymmetricKey> keys, List<ConfigError> errors, List<ConfigError> warnings) {
        /** Copies the lists. */
        public Result {
            keys = List.copyOf(keys);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Parses the text of a keys file.
     *
     * @param fileName the file's name, for messages
     */
    public static Result parse(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        KeysFile file = new KeysFile(Objects.requireNonNull(fileName, "fileName"));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            file.line(lines[i], i + 1);
        }
        return new Result(file.errors.isEmpty() ? file.keys : List.of(), file.errors, file.warnings);
    }

    private void line(String text, int line) {
        int comment = text.indexOf('#');
        String content = comment >= 0 ? text.substring(0, comment) : text;
        String[] words = content.strip().isEmpty() ? new String[0] : content.strip().split("[ \t\r]+");
        if (words.length == 0) {
            return;
        }
        if (!words[0].chars().allMatch(c -> c >= '0' && c <= '9') || words[0].length() > 9) {
            error(line, "key id \"" + words[0] + "\" is not a number",
                    "start the line with the key id, a number from 1 to " + SymmetricKey.MAX_KEY_ID);
            return;
        }
        int keyId = Integer.parseInt(words[0]);
        if (keyId < 1) {
            error(line, "key 0 cannot be changed: it is the NTP standard's key of zeros",
                    "use a key id from 1 to " + SymmetricKey.MAX_KEY_ID);
            return;
        }
        if (keyId > SymmetricKey.MAX_KEY_ID) {
            error(line, "key " + keyId + " > " + SymmetricKey.MAX_KEY_ID + " reserved for Autokey",
                    "use a key id from 1 to " + SymmetricKey.MAX_KEY_ID);
            return;
        }
        if (words.length < 2) {
            error(line, "no key type for key " + keyId, FORMAT);
            return;
        }
        if (words.length < 3) {
            error(line, "no key for key " + keyId, FORMAT);
            return;
        }
        if (words.length > 3) {
            error(line, "key " + keyId + " has an address list (\"" + words[3] + "\"), which jntp does not support",
                    "remove the address list, and restrict who may use the key with restrict lines");
            return;
        }
        byte[] secret;
        if (words[2].length() <= MAX_ASCII_KEY_LENGTH) {
            secret = words[2].getBytes(StandardCharsets.ISO_8859_1);
        } else {
            String hex = words[2].length() > MAX_HEX_DIGITS ? words[2].substring(0, MAX_HEX_DIGITS) : words[2];
            int bad = firstNonHex(hex);
            if (bad >= 0) {
                error(line, "invalid hex digit '" + hex.charAt(bad) + "' for key " + keyId,
                        "a key longer than " + MAX_ASCII_KEY_LENGTH + " characters is hex: use only 0-9 and a-f,"
                                + " or an ASCII key of at most " + MAX_ASCII_KEY_LENGTH + " characters");
                return;
            }
            if (words[2].length() > MAX_HEX_DIGITS) {
                warning(line, "key " + keyId + " has " + words[2].length() + " hex digits; only the first "
                        + MAX_HEX_DIGITS + " are used, as in ntpd", "shorten the key to " + MAX_HEX_DIGITS
                        + " hex digits (32 octets)");
            } else if (hex.length() % 2 != 0) {
                warning(line, "key " + keyId + " has an odd number of hex digits; the last one is ignored, as in ntpd",
                        "give the key as whole octets, two hex digits each");
            }
            secret = HexFormat.of().parseHex(hex.substring(0, hex.length() & ~1));
        }
        var type = KeyType.fromText(words[1]);
        if (type.isEmpty()) {
            warning(line, "invalid type \"" + words[1] + "\" for key " + keyId + "; the key is left out", TYPES);
            return;
        }
        if (lineOfKey.containsKey(keyId)) {
            // ntpd stacks the lines and inserts the last first, so the first line of a key wins
            warning(line, "key " + keyId + " was already given on line " + lineOfKey.get(keyId)
                    + "; this line is ignored, as in ntpd", "give each key id once");
            return;
        }
        lineOfKey.put(keyId, line);
        keys.add(new SymmetricKey(keyId, type.get(), secret));
    }

    private static int firstNonHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                return i;
            }
        }
        return -1;
    }

    private void error(int line, String message, String fix) {
        errors.add(new ConfigError(fileName, line, 0, message, fix));
    }

    private void warning(int line, String message, String fix) {
        warnings.add(new ConfigError(fileName, line, 0, message, fix));
    }
}
