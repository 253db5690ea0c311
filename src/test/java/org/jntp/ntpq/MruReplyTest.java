package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** READ_MRU answers read as ntpq's {@code collect_mru_list} reads them. */
class MruReplyTest {
    private static MruReply parse(String text) {
        return MruReply.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsARowOnceAllSixItemsOfItsIndexCame() {
        MruReply reply = parse("nonce=ab12, addr.0=192.0.2.1:123, last.0=0xeeb2acdc.80000000, first.0=0xeeb2acd2.0,"
                + " ct.0=3, mv.0=35, rs.0=0x840");

        assertThat(reply.entries()).containsExactly(new MruEntry(NetAddress.parse("192.0.2.1:123").orElseThrow(),
                0xeeb2acdc_80000000L, 0xeeb2acd2_00000000L, 3, 3, 4, 0x840));
        assertThat(reply.nonce()).hasValue("ab12");
        assertThat(reply.complete()).isFalse();
    }

    @Test
    void passesOverItemsOfAnotherIndexAndKeepsAnUnfinishedRowOut() {
        MruReply reply = parse("addr.1=192.0.2.1:123, addr.0=192.0.2.2:123, last.0=0x1.0, first.0=0x1.0, ct.0=1");

        assertThat(reply.entries()).isEmpty();
    }

    @Test
    void endsTheListAtNow() {
        MruReply reply = parse("now=0xeeb2acdc.00000000, last.newest=0xeeb2acdc.00000000");

        assertThat(reply.nowBits()).hasValue(0xeeb2acdc_00000000L);
        assertThat(reply.complete()).isTrue();
    }
}
