package org.jntp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.metrics.MetricsStates.STATISTICS;
import static org.jntp.metrics.MetricsStates.ntp;
import static org.jntp.metrics.MetricsStates.server;
import static org.jntp.metrics.MetricsStates.synchronised;
import static org.jntp.metrics.MetricsStates.synchronisedSystem;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.server.control.ControlState;
import org.jntp.server.control.HostInfo;
import org.jntp.server.Counter;
import org.jntp.server.control.ServerStatistics;
import org.jntp.server.control.SystemState;
import org.junit.jupiter.api.Test;

class NtpMetricsTest {
    private static PrometheusText.Scrape scrape(ControlState state) {
        return PrometheusText.parse(NtpMetrics.page(state, STATISTICS));
    }

    @Test
    void givesEveryFamilyHelpAndType() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        List<String> names = scrape.samples().stream().map(PrometheusText.Sample::name).distinct().toList();
        assertThat(names).isNotEmpty().allSatisfy(name -> {
            assertThat(scrape.types()).containsKey(name);
            assertThat(scrape.helps()).containsKey(name);
        });
    }

    @Test
    void namesEveryCounterWithTotalAndEveryOtherMetricNot() {
        scrape(synchronised()).types().forEach((name, type) ->
                assertThat(name.endsWith("_total")).as(name).isEqualTo(type.equals("counter")));
    }

    @Test
    void showsTheSystemVariables() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        assertThat(scrape.value("ntp_system_synchronized")).isEqualTo(1);
        assertThat(scrape.value("ntp_system_leap")).isZero();
        assertThat(scrape.value("ntp_system_stratum")).isEqualTo(3);
        assertThat(scrape.value("ntp_system_offset_seconds")).isEqualTo(-0.000_016_8);
        assertThat(scrape.value("ntp_system_frequency_ppm")).isEqualTo(-12.5);
        assertThat(scrape.value("ntp_system_jitter_seconds")).isEqualTo(0.000_007_7);
        assertThat(scrape.value("ntp_system_clock_jitter_seconds")).isEqualTo(0.000_060);
        assertThat(scrape.value("ntp_system_clock_wander_ppm")).isEqualTo(0.002);
        assertThat(scrape.value("ntp_system_root_delay_seconds")).isEqualTo(0.012);
        assertThat(scrape.value("ntp_system_root_dispersion_seconds")).isEqualTo(0.034);
        assertThat(scrape.value("ntp_system_poll_seconds")).isEqualTo(64);
    }

    @Test
    void showsAStartingDaemonAsUnsynchronised() {
        SystemState starting = SystemState.starting(new HostInfo("ntpd jntp-1.0", "x86_64", "Linux"), -24, 6);
        PrometheusText.Scrape scrape = scrape(new ControlState(starting, List.of()));

        assertThat(scrape.value("ntp_system_synchronized")).isZero();
        assertThat(scrape.value("ntp_system_leap")).isEqualTo(3);
        assertThat(scrape.value("ntp_system_stratum")).isEqualTo(16);
        assertThat(scrape.all("ntp_source_reach")).isEmpty();
    }

    @Test
    void showsEachSourceByItsAddress() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        assertThat(scrape.value("ntp_source_reach", "source", "192.0.2.4")).isEqualTo(0xfe);
        assertThat(scrape.value("ntp_source_stratum", "source", "192.0.2.4")).isEqualTo(1);
        assertThat(scrape.value("ntp_source_offset_seconds", "source", "192.0.2.4")).isEqualTo(0.000_016_819);
        assertThat(scrape.value("ntp_source_delay_seconds", "source", "192.0.2.4")).isEqualTo(0.000_050_435);
        assertThat(scrape.value("ntp_source_dispersion_seconds", "source", "192.0.2.4")).isEqualTo(0.000_260_583);
        assertThat(scrape.value("ntp_source_jitter_seconds", "source", "192.0.2.4")).isEqualTo(0.000_007_75);
        assertThat(scrape.value("ntp_source_poll_seconds", "source", "192.0.2.4")).isEqualTo(64);
        assertThat(scrape.value("ntp_source_sent_packets_total", "source", "192.0.2.4")).isEqualTo(40);
        assertThat(scrape.value("ntp_source_received_packets_total", "source", "192.0.2.4")).isEqualTo(38);
        assertThat(scrape.value("ntp_source_reach", "source", "127.127.1.0")).isEqualTo(3);
    }

    @Test
    void describesEachSourceOnItsInfoLine() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        assertThat(scrape.value("ntp_source_info", "source", "192.0.2.4", "name", "ntp.example.org",
                "type", "server", "refid", ".GPS.")).isEqualTo(1);
        assertThat(scrape.value("ntp_source_info", "source", "127.127.1.0", "name", "",
                "type", "refclock", "refid", ".LOCL.")).isEqualTo(1);
    }

    @Test
    void marksTheOneSelectionStateEachSourceIsIn() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        List<String> sysPeerStates = scrape.all("ntp_source_selection").stream()
                .filter(s -> s.labels().get("source").equals("192.0.2.4") && s.value() == 1)
                .map(s -> s.labels().get("state")).toList();
        assertThat(sysPeerStates).containsExactly("sys_peer");
        assertThat(scrape.value("ntp_source_selection", "source", "127.127.1.0", "state", "reject")).isEqualTo(1);
        assertThat(scrape.all("ntp_source_selection")).hasSize(2 * PeerSelection.values().length);
    }

    @Test
    void addsThePortToTheSourceWhenItIsNotTheNtpPort() {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.ofLiteral("2001:db8::1"), 10123);
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 10124);
        PrometheusText.Scrape scrape = scrape(new ControlState(synchronisedSystem(), List.of(
                server(1, v6, Optional.empty(), PeerSelection.CANDIDATE),
                server(2, v4, Optional.empty(), PeerSelection.SYS_PEER),
                server(3, ntp("2001:db8::2"), Optional.empty(), PeerSelection.OUTLIER))));

        assertThat(scrape.all("ntp_source_reach").stream().map(s -> s.labels().get("source")))
                .containsExactly("[2001:db8::1]:10123", "127.0.0.1:10124", "2001:db8::2");
    }

    @Test
    void escapesAConfiguredNameThatNeedsIt() {
        PrometheusText.Scrape scrape = scrape(new ControlState(synchronisedSystem(), List.of(
                server(1, ntp("192.0.2.1"), Optional.of("odd\"name\\"), PeerSelection.SYS_PEER))));

        assertThat(scrape.all("ntp_source_info").getFirst().labels()).containsEntry("name", "odd\"name\\");
    }

    @Test
    void countsWhatTheServerDid() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        assertThat(scrape.value("ntp_server_received_packets_total")).isEqualTo(1000);
        assertThat(scrape.value("ntp_server_current_version_packets_total")).isEqualTo(900);
        assertThat(scrape.value("ntp_server_older_version_packets_total")).isEqualTo(80);
        assertThat(scrape.value("ntp_server_answered_packets_total")).isEqualTo(950);
        assertThat(scrape.value("ntp_server_control_requests_total")).isEqualTo(3);
        assertThat(scrape.value("ntp_server_rate_limited_packets_total")).isEqualTo(20);
        assertThat(scrape.value("ntp_server_kod_responses_total")).isEqualTo(5);
        assertThat(scrape.value("ntp_server_uptime_seconds")).isEqualTo(3600);
        assertThat(scrape.value("ntp_server_mru_entries")).isEqualTo(12);
        assertThat(scrape.value("ntp_server_mru_max_entries")).isEqualTo(600);
    }

    @Test
    void countsDroppedPacketsByReason() {
        PrometheusText.Scrape scrape = scrape(synchronised());

        assertThat(scrape.value("ntp_server_dropped_packets_total", "reason", "bad_format")).isEqualTo(7);
        assertThat(scrape.value("ntp_server_dropped_packets_total", "reason", "declined")).isEqualTo(2);
        assertThat(scrape.value("ntp_server_dropped_packets_total", "reason", "restricted")).isEqualTo(11);
        assertThat(scrape.all("ntp_server_dropped_packets_total")).hasSize(3);
    }

    private static PrometheusText.Scrape scrapeNts() {
        return PrometheusText.parse(NtpMetrics.page(synchronised(), new ServerStatistics(0, Map.of(
                Counter.NTS_CLIENT_SENT, 70L, Counter.NTS_CLIENT_AUTHENTIC, 68L, Counter.NTS_CLIENT_UNAUTHENTIC, 4L,
                Counter.NTS_COOKIE_MADE, 424L, Counter.NTS_COOKIE_OPENED_CURRENT, 39L,
                Counter.NTS_COOKIE_OPENED_PREVIOUS, 2L, Counter.NTS_COOKIE_KEY_NOT_HELD, 5L,
                Counter.NTS_COOKIE_INVALID, 6L, Counter.NTS_KE_CLIENT_GOOD, 7L, Counter.NTS_KE_SERVED_BAD, 9L),
                0, 600, 600, 64)));
    }

    @Test
    void countsWhatTheNtsClientDid() {
        PrometheusText.Scrape scrape = scrapeNts();

        assertThat(scrape.value("ntp_client_nts_requests_total")).isEqualTo(70);
        assertThat(scrape.value("ntp_client_nts_replies_total", "result", "authentic")).isEqualTo(68);
        assertThat(scrape.value("ntp_client_nts_replies_total", "result", "unauthentic")).isEqualTo(4);
        assertThat(scrape.value("ntp_client_nts_ke_exchanges_total", "result", "good")).isEqualTo(7);
        assertThat(scrape.value("ntp_client_nts_ke_exchanges_total", "result", "bad")).isZero();
    }

    @Test
    void countsNtsRequestsDroppedForMalformedFields() {
        PrometheusText.Scrape scrape = PrometheusText.parse(NtpMetrics.page(synchronised(),
                new ServerStatistics(0, Map.of(Counter.NTS_MALFORMED, 3L), 0, 600, 600, 64)));

        assertThat(scrape.value("ntp_server_nts_malformed_packets_total")).isEqualTo(3);
    }

    @Test
    void countsNtsCookiesByMasterKeyAndReason() {
        PrometheusText.Scrape scrape = scrapeNts();

        assertThat(scrape.value("ntp_server_nts_cookies_made_total")).isEqualTo(424);
        assertThat(scrape.value("ntp_server_nts_cookies_opened_total", "key", "current")).isEqualTo(39);
        assertThat(scrape.value("ntp_server_nts_cookies_opened_total", "key", "previous")).isEqualTo(2);
        assertThat(scrape.value("ntp_server_nts_cookies_refused_total", "reason", "key_not_held")).isEqualTo(5);
        assertThat(scrape.value("ntp_server_nts_cookies_refused_total", "reason", "invalid")).isEqualTo(6);
    }

    @Test
    void countsTheNtsKeServersExchangesByResult() {
        PrometheusText.Scrape scrape = scrapeNts();

        assertThat(scrape.value("ntp_server_nts_ke_exchanges_total", "result", "good")).isZero();
        assertThat(scrape.value("ntp_server_nts_ke_exchanges_total", "result", "bad")).isEqualTo(9);
    }

    @Test
    void countsZeroForCountersNotYetCounted() {
        PrometheusText.Scrape scrape = PrometheusText.parse(NtpMetrics.page(synchronised(),
                new ServerStatistics(0, Map.of(), 0, 600, 600, 64)));

        assertThat(scrape.value("ntp_server_kod_responses_total")).isZero();
    }
}
