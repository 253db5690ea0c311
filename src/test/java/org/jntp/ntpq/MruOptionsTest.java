package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arguments of {@code mrulist}, read as ntpq 4.2.8 reads them. */
class MruOptionsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MruOptions parse(String... args) {
        return MruOptions.parse(List.of(args), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void passesTheFiltersToTheServerAsGiven() {
        assertThat(parse("mincount=2", "resall=0x40", "laddr=127.0.0.1", "maxlstint=60").parameters())
                .isEqualTo(", mincount=2, resall=0x40, laddr=127.0.0.1, maxlstint=60");
    }

    @Test
    void asksForKodOrLimitedRowsByTheirRestrictFlags() {
        assertThat(parse("kod").parameters()).isEqualTo(", resany=0x800");
        assertThat(parse("limited").parameters()).isEqualTo(", resany=0x40");
    }

    @Test
    void sortsByTheKeywordGivenAndIgnoresOneItDoesNotKnow() {
        assertThat(parse("sort=-avgint").sort()).isEqualTo(MruSort.R_AVGINT);
        assertThat(parse("sort=size").sort()).isEqualTo(MruSort.LSTINT);
    }

    @Test
    void saysWhichParametersItIgnores() {
        MruOptions options = parse("recent=5");

        assertThat(options.parameters()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ignoring unrecognized mrulist parameter: recent=5\n");
    }

    @Test
    void fixesTheFragmentsOrRowsOfEachRequest() {
        assertThat(parse("frags=4").frags()).hasValue(4);
        assertThat(parse("limit=10").limit()).hasValue(10);
    }
}
