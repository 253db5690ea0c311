package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jntp.leap.LeapFileResult.HashCheck;
import org.jntp.leap.LeapFileResult.Loaded;
import org.jntp.leap.LeapFileResult.Rejected;
import org.junit.jupiter.api.Test;

/** Seeded random lists and random damage to the real one. */
class LeapSecondsFilePropertyTest {
    private static final long SEED = 37;
    private static final int ROUNDS = 2000;
    private static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;
    private static final LeapTable ORIGINAL = LeapFixtures.iersTable();

    @Test
    void damageToTheRealListNeverThrowsAndNeverPassesTheHashWithOtherLeaps() {
        Random random = new Random(SEED);
        String original = LeapFixtures.iersText();
        String alphabet = "0123456789 \t#@$h\n-+x";
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder text = new StringBuilder(original);
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }

            LeapFileResult result = LeapSecondsFile.parse(text.toString());

            assertThat(result).isInstanceOfAny(Loaded.class, Rejected.class);
            if (result instanceof Loaded loaded && loaded.hash() == HashCheck.VERIFIED) {
                assertThat(loaded.table().entries()).as("round %d", round).isEqualTo(ORIGINAL.entries());
            }
        }
    }

    @Test
    void aSignedListOfAnyLeapHistoryReadsBackAsWritten() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            LeapTable table = randomTable(random);

            LeapFileResult result = LeapSecondsFile.parse(LeapFixtures.signed(format(table)));

            assertThat(result).as("round %d", round).isEqualTo(new Loaded(table, HashCheck.VERIFIED));
        }
    }

    private static LeapTable randomTable(Random random) {
        List<LeapEntry> entries = new ArrayList<>();
        LocalDate month = LocalDate.of(1972, 1, 1);
        int offset = 10;
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            entries.add(new LeapEntry(ntpSeconds(month), offset));
            month = month.plusMonths(1 + random.nextInt(36));
            offset += random.nextInt(8) == 0 ? -1 : 1;
        }
        long updated = ntpSeconds(month) + random.nextInt(1_000_000);
        long expires = updated + random.nextInt(400) * 86_400L;
        return new LeapTable(entries, updated, expires);
    }

    private static String format(LeapTable table) {
        StringBuilder text = new StringBuilder("#\tLeap seconds, written by a test\n#\n");
        text.append("#$\t").append(table.updatedNtpSeconds()).append('\n');
        text.append("#@\t").append(table.expiresNtpSeconds()).append("\n#\n");
        for (LeapEntry entry : table.entries()) {
            text.append(entry.ntpSeconds()).append("\t").append(entry.taiOffsetSeconds())
                    .append("\t# ").append(UtcCalendar.date(entry.unixNanos())).append('\n');
        }
        return text.toString();
    }

    private static long ntpSeconds(LocalDate date) {
        return date.toEpochDay() * 86_400L + UNIX_EPOCH_NTP_SECONDS;
    }
}
