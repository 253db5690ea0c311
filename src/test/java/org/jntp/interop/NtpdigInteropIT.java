package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NTPsec's ntpdig against our server serving its local clock at stratum 8 (fudge 127.127.1.0
 * stratum 8), and our ntpdate beside it.
 */
@InteropTest
class NtpdigInteropIT {
    private static final String SERVER = "127.0.0.1";
    /** ntpd answers unsynchronised until it has selected its local clock: allow it that long. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);
    private static final long ONE_SECOND_SHORT_FORMAT = 0x10000;
    private static final Duration NTPDATE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NTPDATE_SERVER_LINE =
            Pattern.compile("server 127\\.0\\.0\\.1, stratum 8, offset (-?\\d+\\.\\d{6}), delay");

    @AutoClose
    private static PeerDaemons peers;

    @BeforeAll
    static void createNamespace() {
        peers = PeerDaemons.inNewNamespace("ntpdig");
    }

    @Test
    void ntpdigMeasuresOurServerWithinAMillisecondOfThisMachinesClock() {
        try (Daemon server = peers.jntp(SERVER)) {
            NtpdigReply answer = answerFrom(server);

            assertThat(answer.offsetSeconds()).isCloseTo(0.0, within(0.001));
            assertThat(answer.stratum()).isEqualTo(8);
            assertThat(answer.leap()).isEqualTo("no-leap");
        }
    }

    @Test
    void ourReplyCarriesWhatALocalClockServerAtStratum8Serves() {
        try (Daemon server = peers.jntp(SERVER)) {
            NtpdigReply answer = answerFrom(server);
            NtpHeader request = answer.request();
            NtpHeader reply = answer.reply();

            assertThat(reply.leap()).isZero();
            assertThat(reply.version()).isEqualTo(request.version());
            assertThat(reply.mode()).isEqualTo(4);
            assertThat(reply.stratum()).isEqualTo(8);
            assertThat(reply.precision()).isBetween(-32, -10);
            assertThat(reply.rootDelayBits()).isZero();
            assertThat(reply.rootDispersionBits()).isLessThan(ONE_SECOND_SHORT_FORMAT);
            assertThat(reply.referenceIdAscii()).isEqualTo("LOCL");
            assertThat(reply.referenceTimestamp()).isNotZero();
            assertThat(Long.compareUnsigned(reply.referenceTimestamp(), reply.transmitTimestamp())).isNotPositive();
            assertThat(reply.originTimestamp()).isEqualTo(request.transmitTimestamp());
            assertThat(Long.compareUnsigned(reply.receiveTimestamp(), reply.transmitTimestamp())).isNotPositive();
        }
    }

    @Test
    void ourNtpdateAndNtpdigAgreeOnTheOffsetOfOurServerAQuarterSecondAhead() {
        try (Daemon server = peers.jntp(SERVER, "--software-clock", "0.25,0")) {
            NtpdigReply answer = answerFrom(server);
            Path ntpdate = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath().resolve("bin/ntpdate");
            CommandResult ours = peers.netns().run(NTPDATE_TIMEOUT, ntpdate.toString(), "-q", SERVER);

            assertThat(ours.exitCode()).as(ours::describe).isZero();
            Matcher line = NTPDATE_SERVER_LINE.matcher(ours.stdout());
            assertThat(line.find()).as(ours::describe).isTrue();
            assertThat(answer.offsetSeconds()).isCloseTo(0.25, within(0.001));
            assertThat(Double.parseDouble(line.group(1))).isCloseTo(answer.offsetSeconds(), within(0.001));
        }
    }

    private static NtpdigReply answerFrom(Daemon server) {
        CommandResult query = Ntpdig.awaitAnswer(peers.netns(), SERVER, SYNC_TIMEOUT);
        assertThat(query.succeeded()).as(() -> query.describe() + server.logTail()).isTrue();
        return NtpdigReply.parse(query.stdout());
    }
}
