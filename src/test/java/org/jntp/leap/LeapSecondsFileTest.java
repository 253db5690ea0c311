package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.leap.LeapFileResult.HashCheck;
import org.jntp.leap.LeapFileResult.Loaded;
import org.jntp.leap.LeapFileResult.Rejected;
import org.junit.jupiter.api.Test;

class LeapSecondsFileTest {
    private static final String SMALL_LIST = """
            #$\t3676924800
            #@\t3707596800
            2272060800\t10\t# 1 Jan 1972
            3644697600\t36\t# 1 Jul 2015
            3692217600\t37\t# 1 Jan 2017
            """;

    @Test
    void parsesTheIersListAsTzdataShipsItAndVerifiesItsHash() {
        LeapFileResult result = LeapSecondsFile.parse(LeapFixtures.iersText());

        assertThat(result).isInstanceOf(Loaded.class);
        Loaded loaded = (Loaded) result;
        assertThat(loaded.hash()).isEqualTo(HashCheck.VERIFIED);
        assertThat(loaded.table().updatedNtpSeconds()).isEqualTo(3_960_835_200L);
        assertThat(loaded.table().expiresNtpSeconds()).isEqualTo(3_991_593_600L);
        assertThat(loaded.table().entries()).hasSize(28)
                .startsWith(new LeapEntry(2_272_060_800L, 10))
                .endsWith(new LeapEntry(3_692_217_600L, 37));
    }

    @Test
    void refusesAListWhoseExpiryWasPushedBack() {
        String tampered = LeapFixtures.iersText().replace("#@\t3991593600", "#@\t4007318400");

        LeapFileResult result = LeapSecondsFile.parse(tampered);

        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).reason()).startsWith("hash mismatch");
        assertThat(((Rejected) result).lineNumber()).isEqualTo(lineOf(tampered, "#h"));
    }

    @Test
    void refusesAListWithALeapRemoved() {
        String tampered = LeapFixtures.iersText().replace("3692217600      37      # 1 Jan 2017\n", "");

        assertThat(LeapSecondsFile.parse(tampered))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).startsWith("hash mismatch"));
    }

    @Test
    void leavesCommentsOutOfTheHash() {
        String edited = LeapFixtures.iersText().replace("# 1 Jan 2017", "# 1 January 2017, 23:59:60 before")
                .replace("#\tFile expires on 28 June 2026", "#\tFile expires on 28 June 2026 (1999)");

        assertThat(LeapSecondsFile.parse(edited))
                .isInstanceOfSatisfying(Loaded.class, l -> assertThat(l.hash()).isEqualTo(HashCheck.VERIFIED));
    }

    @Test
    void readsHashWordsWrittenWithoutLeadingZeros() {
        String text = signedWithAShortHashWord();

        assertThat(LeapSecondsFile.parse(text))
                .isInstanceOfSatisfying(Loaded.class, l -> assertThat(l.hash()).isEqualTo(HashCheck.VERIFIED));
    }

    @Test
    void acceptsWindowsLineEnds() {
        String text = LeapFixtures.iersText().replace("\n", "\r\n");

        assertThat(LeapSecondsFile.parse(text))
                .isInstanceOfSatisfying(Loaded.class, l -> assertThat(l.hash()).isEqualTo(HashCheck.VERIFIED));
    }

    @Test
    void loadsAListWithoutHashAndSaysSoInTheLog() {
        LeapFileResult result = LeapSecondsFile.parse(SMALL_LIST);

        assertThat(result).isInstanceOfSatisfying(Loaded.class, loaded -> {
            assertThat(loaded.hash()).isEqualTo(HashCheck.ABSENT);
            assertThat(loaded.logMessage("/etc/leap-seconds.list")).isEqualTo(
                    "leapsecond file ('/etc/leap-seconds.list'): loaded, expire=2017-06-28 last=2017-01-01 ofs=37;"
                            + " no hash signature, integrity not checked");
        });
    }

    @Test
    void refusesAMalformedHashLine() {
        String text = SMALL_LIST + "#h\t49db2447 571e5e1b 2f002a53\n";

        assertThat(LeapSecondsFile.parse(text)).isEqualTo(
                new Rejected(6, "malformed hash signature (#h), expected five hex words"));
    }

    @Test
    void refusesAHashWordLongerThanThirtyTwoBits() {
        String text = SMALL_LIST + "#h\t49db2447 571e5e1b 2f002a53 9c8da8e4 139b8e49e\n";

        assertThat(LeapSecondsFile.parse(text)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).startsWith("malformed hash signature"));
    }

    @Test
    void namesTheLineOfAnInstantThatIsNotTheStartOfAMonth() {
        String text = SMALL_LIST.replace("3644697600\t36", "3644697601\t36");

        assertThat(LeapSecondsFile.parse(text)).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.lineNumber()).isEqualTo(4);
            assertThat(r.reason()).contains("3644697601").contains("first of a month");
        });
    }

    @Test
    void namesTheLineOfInstantsOutOfOrder() {
        String text = SMALL_LIST.replace("3692217600\t37", "3550089600\t37");

        assertThat(LeapSecondsFile.parse(text)).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.lineNumber()).isEqualTo(5);
            assertThat(r.reason()).contains("not after");
        });
    }

    @Test
    void namesTheLineOfAnOffsetThatIsNotANumber() {
        String text = SMALL_LIST.replace("3692217600\t37", "3692217600\tthirty-seven");

        assertThat(LeapSecondsFile.parse(text)).isEqualTo(new Rejected(5, "TAI offset missing or not a number"));
    }

    @Test
    void namesTheLineOfAnExpiryThatIsNotANumber() {
        String text = SMALL_LIST.replace("#@\t3707596800", "#@\t37075x96800");

        assertThat(LeapSecondsFile.parse(text)).isEqualTo(new Rejected(2, "expiry (#@) is not a number of seconds"));
    }

    @Test
    void namesTheLineOfAnInstantBeyondTheYear2262() {
        String text = SMALL_LIST.replace("3692217600\t37", "99999999999999\t37");

        assertThat(LeapSecondsFile.parse(text)).isEqualTo(new Rejected(5, "instant 99999999999999 out of range"));
    }

    @Test
    void namesTheLineOfAnExpiryBeyondTheYear2262() {
        String text = SMALL_LIST.replace("#@\t3707596800", "#@\t99999999999999");

        assertThat(LeapSecondsFile.parse(text))
                .isEqualTo(new Rejected(2, "expiry (#@) 99999999999999 out of range"));
    }

    @Test
    void refusesAListWithoutExpiry() {
        String text = SMALL_LIST.replace("#@\t3707596800\n", "");

        assertThat(LeapSecondsFile.parse(text)).isEqualTo(new Rejected(0, "no expiry line (#@)"));
    }

    @Test
    void refusesAListWithoutLeaps() {
        assertThat(LeapSecondsFile.parse("#$\t3676924800\n#@\t3707596800\n"))
                .isEqualTo(new Rejected(0, "no leap second data lines"));
    }

    @Test
    void reportsAHashMismatchBeforeTheDataProblemsItExplains() {
        String tampered = LeapFixtures.iersText().replace("3692217600      37", "3692217600      39");

        assertThat(LeapSecondsFile.parse(tampered))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).startsWith("hash mismatch"));
    }

    @Test
    void logsARejectionWithTheFileAndLine() {
        Rejected rejected = new Rejected(12, "TAI offset missing or not a number");

        assertThat(rejected.logMessage("/usr/share/zoneinfo/leap-seconds.list")).isEqualTo(
                "leapsecond file ('/usr/share/zoneinfo/leap-seconds.list'): line 12: TAI offset missing or not a number");
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    /** A signed list whose hash has a word below 0x10000000, so NIST writes it with fewer than eight digits. */
    private static String signedWithAShortHashWord() {
        for (long update = 3_676_924_800L; ; update++) {
            String text = LeapFixtures.signed(SMALL_LIST.replace("3676924800", Long.toString(update)));
            String[] words = text.substring(text.indexOf("#h") + 2).strip().split("\\s+");
            for (String word : words) {
                if (word.length() < 8) {
                    return text;
                }
            }
        }
    }
}
