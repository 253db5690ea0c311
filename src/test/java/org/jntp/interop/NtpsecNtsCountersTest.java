package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NTPsec 1.2.2's {@code ntpq -c nts}, as it printed it for an NTS client of our server. */
class NtpsecNtsCountersTest {
    private static final String CLIENT = """
            NTS client sends:                       7
            NTS client recvs good:                  7
            NTS client recvs w error:               0
            NTS server recvs good:                  0
            NTS server recvs w error:               0
            NTS server sends:                       0
            NTS make cookies:                       0
            NTS decode cookies:                     0
            NTS decode cookies old:                 0
            NTS decode cookies old2:                0
            NTS decode cookies older:               0
            NTS decode cookies too old:             0
            NTS decode cookies error:               0
            NTS KE client probes good:              1
            NTS KE client probes bad:               0
            NTS KE serves good:                     0
            NTS KE serves bad:                      0
            """;

    @Test
    void readsEveryCounterByItsLabel() {
        NtpsecNtsCounters counters = NtpsecNtsCounters.parse(CLIENT);

        assertThat(counters.byLabel()).hasSize(NtpsecNtsCounters.LINES);
        assertThat(counters.count(NtpsecNtsCounters.CLIENT_SENDS)).isEqualTo(7);
        assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_GOOD)).isEqualTo(7);
        assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_WITH_ERROR)).isZero();
        assertThat(counters.count(NtpsecNtsCounters.KE_CLIENT_PROBES_GOOD)).isEqualTo(1);
    }

    @Test
    void leavesOutWhatTheDaemonDoesNotHave() {
        NtpsecNtsCounters counters = NtpsecNtsCounters.parse("""
                NTS client sends:                       ?
                NTS client recvs good:                  ?
                """ + "***Server error code UNKNOWNVAR\n");

        assertThat(counters.byLabel()).isEmpty();
        assertThat(counters.count(NtpsecNtsCounters.CLIENT_SENDS)).isEqualTo(-1);
    }
}
