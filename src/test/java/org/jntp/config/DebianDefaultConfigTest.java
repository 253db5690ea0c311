package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictTable;
import org.junit.jupiter.api.Test;

/** The ntp.conf Debian's ntp package installs, with the local clock of older examples added. */
class DebianDefaultConfigTest {
    private static final String DEBIAN_NTP_CONF = """
            # /etc/ntp.conf, configuration for ntpd; see ntp.conf(5) for help

            driftfile /var/lib/ntp/ntp.drift

            # Leap seconds definition provided by tzdata
            leapfile /usr/share/zoneinfo/leap-seconds.list

            # Enable this if you want statistics to be logged.
            #statsdir /var/log/ntpstats/

            statistics loopstats peerstats clockstats
            filegen loopstats file loopstats type day enable
            filegen peerstats file peerstats type day enable
            filegen clockstats file clockstats type day enable


            # You do need to talk to an NTP server or two (or three).
            #server ntp.your-provider.example

            # pool.ntp.org maps to about 1000 low-stratum NTP servers.  Your server will
            # pick a different set every time it starts up.  Please consider joining the
            # pool: <http://www.pool.ntp.org/join.html>
            pool 0.debian.pool.ntp.org iburst
            pool 1.debian.pool.ntp.org iburst
            pool 2.debian.pool.ntp.org iburst
            pool 3.debian.pool.ntp.org iburst

            # Undisciplined local clock, as a last resort.
            server 127.127.1.0
            fudge  127.127.1.0 stratum 10

            # Access control configuration; see /usr/share/doc/ntp-doc/html/accopt.html for
            # details.  The web page <http://support.ntp.org/bin/view/Support/AccessRestrictions>
            # might also be helpful.
            #
            # Note that "restrict" applies to both servers and clients, so a configuration
            # that might be intended to block requests from certain clients could also end
            # up blocking replies from your own upstream servers.

            # By default, exchange time with everybody, but don't allow configuration.
            restrict -4 default kod notrap nomodify nopeer noquery limited
            restrict -6 default kod notrap nomodify nopeer noquery limited

            # Local users may interrogate the ntp server more closely.
            restrict 127.0.0.1
            restrict ::1

            # Needed for adding pool entries
            restrict source notrap nomodify noquery

            # Clients from this (example!) subnet have unlimited access, but only if
            # cryptographically authenticated.
            #restrict 192.168.123.0 mask 255.255.255.0 notrust


            # If you want to provide time to your local subnet, change the next line.
            # (Again, the address is an example only.)
            #broadcast 192.168.123.255

            # If you want to listen to time broadcasts on your local subnet, de-comment the
            # next lines.  Please do this only if you trust everybody on the network!
            #disable auth
            #broadcastclient
            """;

    private final ConfigResult result = ConfigParser.parse(DEBIAN_NTP_CONF, "/etc/ntp.conf");

    @Test
    void parsesWithoutErrors() {
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
    }

    @Test
    void configuresFourPoolsAndTheLocalClock() {
        assertThat(result.config().associations()).extracting(Association::type).containsExactly(AssociationType.POOL,
                AssociationType.POOL, AssociationType.POOL, AssociationType.POOL, AssociationType.SERVER);
        assertThat(result.config().associations().getLast().address()).isEqualTo(new RefclockAddress(1, 0));
        assertThat(result.config().fudges().getFirst().stratum()).hasValue(10);
    }

    @Test
    void limitsStrangersAndTrustsLocalhost() {
        RestrictTable table = result.config().restrictTable();
        int strangers = RestrictFlag.mask(EnumSet.of(RestrictFlag.KOD, RestrictFlag.NOTRAP, RestrictFlag.NOMODIFY,
                RestrictFlag.NOPEER, RestrictFlag.NOQUERY, RestrictFlag.LIMITED));
        assertThat(table.matchIpv4(0xC000_0201, 51000)).isEqualTo(strangers);
        assertThat(table.matchIpv6(0x2001_0DB8_0000_0000L, 1, 51000)).isEqualTo(strangers);
        assertThat(table.matchIpv4(0x7F00_0001, 51000)).isZero();
        assertThat(table.matchIpv6(0, 1, 51000)).isZero();
        assertThat(table.sourceTemplate()).isPresent();
    }

    @Test
    void keepsFilesAndStatistics() {
        assertThat(result.config().files().driftFile()).isEqualTo(Optional.of("/var/lib/ntp/ntp.drift"));
        assertThat(result.config().files().leapFile()).isEqualTo(Optional.of("/usr/share/zoneinfo/leap-seconds.list"));
        assertThat(result.config().statistics().enabled()).containsExactly("loopstats", "peerstats", "clockstats");
        assertThat(result.config().statistics().fileGens()).hasSize(3);
    }
}
