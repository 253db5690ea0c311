package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.valid;

import org.junit.jupiter.api.Test;

class ConfigTextTest {
    private static final String FULL = """
            server 192.0.2.1 iburst minpoll 4 maxpoll 10 prefer
            pool pool.example.org iburst
            peer 192.0.2.9 key 4
            restrict default kod limited nomodify noquery
            restrict 127.0.0.1
            driftfile "/var/lib/ntp dir/ntp.drift"
            statsdir /var/log/ntpstats/
            statistics loopstats peerstats
            filegen loopstats file loopstats type day enable
            tos minsane 2 orphan 10
            tinker panic 0
            discard average 3 minimum 1
            keys /etc/ntp/keys
            trustedkey 1 2 4
            controlkey 1
            setvar owner = "time team" default
            dscp 10
            nonvolatile 2e-7
            saveconfigdir /var/lib/ntp/saved
            disable monitor
            """;

    @Test
    void keepsOneLinePerDirectiveWithoutComments() {
        assertThat(valid("# comment\nserver 192.0.2.1   iburst # fast start\n\nrestrict default noquery\n")
                .directives()).containsExactly("server 192.0.2.1 iburst", "restrict default noquery");
    }

    @Test
    void quotesWordsThatHoldBlanks() {
        assertThat(valid("driftfile \"/var/lib/my ntp/drift\"").directives())
                .containsExactly("driftfile \"/var/lib/my ntp/drift\"");
    }

    @Test
    void linesWrittenBackConfigureTheSame() {
        NtpConfig first = valid(FULL);
        NtpConfig again = valid(String.join("\n", first.directives()));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void expandsIncludedFilesInPlace() {
        ConfigResult result = ConfigParser.parse("server 192.0.2.1\nincludefile servers.conf\nserver 192.0.2.3\n",
                "/etc/ntp.conf", path -> path.toString().equals("/etc/servers.conf")
                        ? new IncludeSource.Result.Found("server 192.0.2.2 iburst\n")
                        : new IncludeSource.Result.Unreadable("no such file"));
        assertThat(result.config().directives())
                .containsExactly("server 192.0.2.1", "server 192.0.2.2 iburst", "server 192.0.2.3");
    }

    @Test
    void leavesOutLinesThatFailed() {
        ConfigResult result = ConfigParser.parse("server 192.0.2.1\ndscp 99\n", ConfigTesting.FILE);
        assertThat(result.config().directives()).containsExactly("server 192.0.2.1");
    }
}
