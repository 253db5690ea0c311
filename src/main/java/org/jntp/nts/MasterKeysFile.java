package org.jntp.nts;

import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The text of the {@code nts cookie} key file, which keeps the master keys across restarts so that
 * clients' cookies still open. Its own format, one item a line, {@code #} comments and blank lines
 * ignored:
 *
 * <pre>
 * rotated SECONDS        when the current key was made, seconds of the Unix epoch
 * current ID KEY         the key that seals new cookies: 8 hex digits, 64 hex digits
 * previous ID KEY        optional: the key before it, still opening cookies
 * </pre>
 *
 * The keys are secrets: the file must be readable by the daemon alone.
 */
public final class MasterKeysFile {
    private static final HexFormat HEX = HexFormat.of();

    private MasterKeysFile() {}

    /** What reading the text gives. */
    public sealed interface Parsed {}

    /** The keys the file holds. */
    public record Loaded(MasterKeyRing ring) implements Parsed {}

    /** The text is not a key file: the line number (from 1, 0 for the whole file) and what is wrong. */
    public record Invalid(int line, String reason) implements Parsed {}

    /** The file's text for this ring. */
    public static String format(MasterKeyRing ring) {
        StringBuilder text = new StringBuilder("# jntp NTS cookie master keys: secret, keep readable by ntpd alone\n");
        text.append("rotated ").append(ring.rotatedAtSeconds()).append('\n');
        line(text, "current", ring.current());
        ring.previous().ifPresent(previous -> line(text, "previous", previous));
        return text.toString();
    }

    /** Reads the file's text. */
    public static Parsed parse(String text) {
        OptionalLong rotated = OptionalLong.empty();
        Optional<MasterKey> current = Optional.empty();
        Optional<MasterKey> previous = Optional.empty();
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "rotated" -> {
                    if (rotated.isPresent() || words.length != 2 || !words[1].matches("-?[0-9]{1,18}")) {
                        return new Invalid(number, "expected one \"rotated SECONDS\"");
                    }
                    rotated = OptionalLong.of(Long.parseLong(words[1]));
                }
                case "current", "previous" -> {
                    Optional<MasterKey> key = key(words);
                    boolean isCurrent = words[0].equals("current");
                    if (key.isEmpty() || (isCurrent ? current : previous).isPresent()) {
                        return new Invalid(number, "expected one \"" + words[0] + " ID KEY\" with an ID of 8 hex"
                                + " digits and a KEY of 64");
                    }
                    if (isCurrent) {
                        current = key;
                    } else {
                        previous = key;
                    }
                }
                default -> {
                    return new Invalid(number, "unknown item \"" + words[0] + "\"");
                }
            }
        }
        if (rotated.isEmpty() || current.isEmpty()) {
            return new Invalid(0, "a \"rotated\" and a \"current\" line are required");
        }
        if (previous.isPresent() && previous.get().id() == current.get().id()) {
            return new Invalid(0, "the current and previous keys have the same id");
        }
        return new Loaded(new MasterKeyRing(current.get(), previous, rotated.getAsLong()));
    }

    private static void line(StringBuilder text, String name, MasterKey key) {
        text.append(name).append(' ').append(HEX.toHexDigits(key.id())).append(' ')
                .append(HEX.formatHex(key.key())).append('\n');
    }

    private static Optional<MasterKey> key(String[] words) {
        if (words.length != 3 || !words[1].matches("[0-9a-fA-F]{8}") || !words[2].matches("[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new MasterKey(HexFormat.fromHexDigits(words[1]), HEX.parseHex(words[2])));
    }
}
