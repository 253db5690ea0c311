package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mode 6 from another host (a namespace of its own at 192.0.2.100) to our daemon on 192.0.2.1,
 * which answers a source that has not shown it receives at its address with no more than it sent:
 * NTPsec's ntpq, which asks as ntpd's does, gets the PERMISSION error; ours shows its address with
 * a nonce and gets the whole answer. NTPsec's ntpq on the daemon's own host gets it too, asking by
 * the host's address, from which nothing outside can send.
 */
@InteropTest
class RemoteControlIT {
    private static final String OURS = "192.0.2.1";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    @AutoClose
    private static PeerDaemons peers;
    private static Netns remote;

    @BeforeAll
    static void startOurDaemonAndAnotherHost() {
        peers = PeerDaemons.inNewNamespace("remotectl");
        peers.jntp(OURS, "--software-clock", "0,0");
        remote = peers.netns().remote();
    }

    private static CommandResult ours(Netns where, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath().resolve("bin/ntpq").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return where.run(TOOL_TIMEOUT, command);
    }

    @Test
    void ntpsecsNtpqOnAnotherHostIsRefused() {
        CommandResult result = remote.run(TOOL_TIMEOUT, "ntpq", "-n", "-c", "rv", OURS);

        assertThat(result.stdout() + result.stderr()).as(result::describe)
                .contains("PERMISSION")
                .doesNotContain("stratum=");
    }

    @Test
    void ourNtpqOnAnotherHostShowsItsAddressAndReadsTheSystemVariables() {
        CommandResult result = ours(remote, "-n", "-c", "rv", OURS);

        assertThat(result.succeeded()).as(result::describe).isTrue();
        assertThat(result.stdout()).as(result::describe).contains("stratum=8,").doesNotContain("***");
    }

    @Test
    void ourNtpqOnAnotherHostListsThePeers() {
        CommandResult result = ours(remote, "-pn", OURS);

        assertThat(result.succeeded()).as(result::describe).isTrue();
        assertThat(result.stdout()).as(result::describe).contains("*LOCAL(0)").doesNotContain("***");
    }

    @Test
    void ourNtpqOnAnotherHostReadsTheMruList() {
        CommandResult result = ours(remote, "-n", "-c", "mrulist", OURS);

        assertThat(result.succeeded()).as(result::describe).isTrue();
        assertThat(result.stdout() + result.stderr()).as(result::describe)
                .contains("remote address").doesNotContain("***", "nonce request failed");
    }

    @Test
    void ntpsecsNtpqOnTheDaemonsOwnHostAskingByItsAddressIsAnswered() {
        CommandResult result = peers.netns().run(TOOL_TIMEOUT, "ntpq", "-n", "-c", "rv", OURS);

        assertThat(result.stdout()).as(result::describe).contains("stratum=8,");
    }
}
