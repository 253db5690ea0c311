package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class StrftimeTest {
    private static final ZonedDateTime TIME = ZonedDateTime.of(2027, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

    @Test
    void expandsTheDateAndTimeConversions() {
        assertThat(Strftime.format("%Y-%m-%d %H:%M:%S %y %j", TIME)).isEqualTo("2027-03-04 05:06:07 27 063");
    }

    @Test
    void expandsNamesInTheCLocale() {
        assertThat(Strftime.format("%a %b %e", TIME)).isEqualTo("Thu Mar  4");
    }

    @Test
    void keepsAPercentSignAndUnknownConversions() {
        assertThat(Strftime.format("100%% %Q end%", TIME)).isEqualTo("100% %Q end%");
    }
}
