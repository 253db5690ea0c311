package org.jntp.leap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jntp.leap.LeapFileResult.HashCheck;
import org.jntp.leap.LeapFileResult.Loaded;
import org.jntp.leap.LeapFileResult.Rejected;

/**
 * The IERS/NIST leap-seconds.list format as ntpd's {@code leapfile} reads it: {@code #$} last
 * update and {@code #@} expiry in NTP seconds, data lines {@code NTP-seconds TAI-offset [# comment]},
 * and {@code #h} five hex words of SHA-1. Other lines are comments, and lines that start with
 * neither {@code #} nor a digit are skipped, as ntpd skips them.
 *
 * <p>The hash is the one the file's header points to (the IERS README, ntpd's
 * {@code leapsec_validate}): SHA-1 over the ASCII digits of the {@code #$} line, the {@code #@}
 * line and every data line, in file order, each line read only up to a {@code #}; nothing else,
 * not even separators. A file whose hash does not match is refused, as ntpd refuses it.
 */
public final class LeapSecondsFile {
    private static final int HASH_WORDS = 5;
    private static final int MAX_HEX_DIGITS_PER_WORD = 8;
    private static final int MAX_DIGITS = 18;

    private LeapSecondsFile() {}

    /** Parses and checks a whole file's text; never throws on bad content. */
    public static LeapFileResult parse(String text) {
        return new Reader().read(text);
    }

    /** One pass over the lines: hashes as ntpd does and keeps the first problem found. */
    private static final class Reader {
        private final StringBuilder hashedDigits = new StringBuilder();
        private final List<LeapEntry> entries = new ArrayList<>();
        private Optional<Rejected> firstProblem = Optional.empty();
        private Optional<byte[]> statedHash = Optional.empty();
        private int hashLine;
        private int malformedHashLine;
        private long updatedNtpSeconds;
        private OptionalLong expiresNtpSeconds = OptionalLong.empty();

        LeapFileResult read(String text) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                readLine(i + 1, lines[i].stripTrailing());
            }
            if (malformedHashLine > 0) {
                return new Rejected(malformedHashLine, "malformed hash signature (#h), expected five hex words");
            }
            if (statedHash.isPresent()) {
                byte[] actual = sha1(hashedDigits.toString());
                if (!MessageDigest.isEqual(statedHash.get(), actual)) {
                    return new Rejected(hashLine, "hash mismatch: the file says " + words(statedHash.get())
                            + " but its data hash to " + words(actual));
                }
            }
            if (firstProblem.isPresent()) {
                return firstProblem.get();
            }
            if (expiresNtpSeconds.isEmpty()) {
                return new Rejected(0, "no expiry line (#@)");
            }
            if (entries.isEmpty()) {
                return new Rejected(0, "no leap second data lines");
            }
            LeapTable table = new LeapTable(entries, updatedNtpSeconds, expiresNtpSeconds.getAsLong());
            return new Loaded(table, statedHash.isPresent() ? HashCheck.VERIFIED : HashCheck.ABSENT);
        }

        private void readLine(int lineNumber, String line) {
            if (line.startsWith("#$")) {
                hashDigits(line.substring(2));
                firstNumber(lineNumber, line.substring(2), "last update (#$)")
                        .ifPresent(seconds -> updatedNtpSeconds = seconds);
            } else if (line.startsWith("#@")) {
                hashDigits(line.substring(2));
                firstNumber(lineNumber, line.substring(2), "expiry (#@)")
                        .ifPresent(seconds -> expiresNtpSeconds = OptionalLong.of(seconds));
            } else if (line.startsWith("#h")) {
                Optional<byte[]> words = hashWords(line.substring(2));
                if (words.isPresent()) {
                    statedHash = words;
                    hashLine = lineNumber;
                } else {
                    malformedHashLine = lineNumber;
                }
            } else if (!line.isEmpty() && isDigit(line.charAt(0))) {
                hashDigits(line);
                readData(lineNumber, line);
            }
        }

        private void readData(int lineNumber, String line) {
            Fields fields = new Fields(line);
            OptionalLong seconds = fields.unsigned();
            if (seconds.isEmpty()) {
                problem(lineNumber, "instant is not a number of seconds");
                return;
            }
            OptionalLong offset = fields.signed();
            if (offset.isEmpty()) {
                problem(lineNumber, "TAI offset missing or not a number");
                return;
            }
            if (offset.getAsLong() < Short.MIN_VALUE || offset.getAsLong() > Short.MAX_VALUE) {
                problem(lineNumber, "TAI offset " + offset.getAsLong() + " s out of range");
                return;
            }
            LeapEntry entry = new LeapEntry(seconds.getAsLong(), (int) offset.getAsLong());
            Optional<LeapEntry> previous = entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
            Optional<String> misfit = LeapTable.problemWith(previous, entry);
            if (misfit.isPresent()) {
                problem(lineNumber, misfit.get());
                return;
            }
            entries.add(entry);
        }

        private OptionalLong firstNumber(int lineNumber, String rest, String what) {
            OptionalLong value = new Fields(rest).unsigned();
            if (value.isEmpty()) {
                problem(lineNumber, what + " is not a number of seconds");
                return value;
            }
            if (!UtcCalendar.inRange(value.getAsLong())) {
                problem(lineNumber, what + " " + value.getAsLong() + " out of range");
                return OptionalLong.empty();
            }
            return value;
        }

        private void problem(int lineNumber, String reason) {
            if (firstProblem.isEmpty()) {
                firstProblem = Optional.of(new Rejected(lineNumber, reason));
            }
        }

        private void hashDigits(String line) {
            for (int i = 0; i < line.length() && line.charAt(i) != '#'; i++) {
                if (isDigit(line.charAt(i))) {
                    hashedDigits.append(line.charAt(i));
                }
            }
        }
    }

    /**
     * The five words of a {@code #h} line as 20 bytes. NIST writes each word without leading
     * zeros, so they are read as numbers, not as one hex string.
     */
    private static Optional<byte[]> hashWords(String rest) {
        String[] words = rest.strip().split("\\s+");
        if (words.length != HASH_WORDS) {
            return Optional.empty();
        }
        byte[] hash = new byte[HASH_WORDS * Integer.BYTES];
        for (int w = 0; w < HASH_WORDS; w++) {
            String word = words[w];
            if (word.isEmpty() || word.length() > MAX_HEX_DIGITS_PER_WORD
                    || !word.chars().allMatch(HexFormat::isHexDigit)) {
                return Optional.empty();
            }
            long value = Long.parseLong(word, 16);
            for (int b = 0; b < Integer.BYTES; b++) {
                hash[w * Integer.BYTES + b] = (byte) (value >>> (8 * (Integer.BYTES - 1 - b)));
            }
        }
        return Optional.of(hash);
    }

    private static String words(byte[] hash) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < HASH_WORDS; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(HexFormat.of().formatHex(hash, w * Integer.BYTES, (w + 1) * Integer.BYTES));
        }
        return text.toString();
    }

    private static byte[] sha1(String digits) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(digits.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whitespace-separated numbers at the start of a line, read as ntpd's {@code strtoull} and
     * {@code strtol}: a number must end at the end of the line, at whitespace or at a {@code #}.
     */
    private static final class Fields {
        private final String line;
        private int position;

        Fields(String line) {
            this.line = line;
        }

        OptionalLong unsigned() {
            skipWhitespace();
            return digits(false);
        }

        OptionalLong signed() {
            skipWhitespace();
            boolean negative = false;
            if (position < line.length() && (line.charAt(position) == '-' || line.charAt(position) == '+')) {
                negative = line.charAt(position) == '-';
                position++;
            }
            return digits(negative);
        }

        private OptionalLong digits(boolean negative) {
            int start = position;
            while (position < line.length() && isDigit(line.charAt(position))) {
                position++;
            }
            int count = position - start;
            boolean ended = position == line.length() || line.charAt(position) == '#'
                    || Character.isWhitespace(line.charAt(position));
            if (count == 0 || count > MAX_DIGITS || !ended) {
                return OptionalLong.empty();
            }
            long value = Long.parseLong(line, start, position, 10);
            return OptionalLong.of(negative ? -value : value);
        }

        private void skipWhitespace() {
            while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
        }
    }
}
