package org.jntp.metrics;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.server.Counter;
import org.jntp.server.access.IpAddress;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.ControlState;
import org.jntp.server.control.ServerStatistics;
import org.jntp.server.control.SystemState;

/**
 * The metrics page: the system variables, every source and the server's counters, named in
 * Prometheus's style with the unit last ({@code _seconds}, {@code _ppm}, {@code _total}). Sources are
 * told apart by a {@code source} label, their address (with the port when it is not 123); what
 * changes over time but names no series, such as the reference ID, is on {@code ntp_source_info}.
 */
public final class NtpMetrics {
    /** The media type of {@link #page}. */
    public static final String CONTENT_TYPE = Exposition.CONTENT_TYPE;

    private static final int NTP_PORT = 123;

    private NtpMetrics() {}

    /** The page for this state and these statistics, in the text format 0.0.4. */
    public static String page(ControlState state, ServerStatistics statistics) {
        Exposition page = new Exposition();
        system(page, state.system());
        sources(page, state.associations());
        server(page, statistics);
        return page.text();
    }

    private static void system(Exposition page, SystemState system) {
        gauge(page, "ntp_system_synchronized", "1 when the clock is synchronised to a source, 0 otherwise",
                synchronised(system) ? 1 : 0);
        gauge(page, "ntp_system_leap", "The leap indicator served: 0 none, 1 second to insert, 2 second to delete,"
                + " 3 unsynchronised", system.leap().code());
        gauge(page, "ntp_system_stratum", "The stratum served, 16 when unsynchronised", system.stratum());
        gauge(page, "ntp_system_offset_seconds", "The last offset the clock discipline took (ntpq's offset)",
                system.offsetSeconds());
        gauge(page, "ntp_system_frequency_ppm", "The frequency correction in force (ntpq's frequency)",
                system.frequencyPpm());
        gauge(page, "ntp_system_jitter_seconds", "The combined jitter of the selected sources (ntpq's sys_jitter)",
                system.systemJitterSeconds());
        gauge(page, "ntp_system_clock_jitter_seconds", "The jitter of the clock's own offsets (ntpq's clk_jitter)",
                system.clockJitterSeconds());
        gauge(page, "ntp_system_clock_wander_ppm", "The wander of the frequency (ntpq's clk_wander)",
                system.clockWanderPpm());
        gauge(page, "ntp_system_root_delay_seconds", "The root delay served", system.rootDelaySeconds());
        gauge(page, "ntp_system_root_dispersion_seconds", "The root dispersion served",
                system.rootDispersionSeconds());
        gauge(page, "ntp_system_poll_seconds", "The system poll interval", Math.scalb(1.0, system.pollLog2()));
    }

    /** As ntpstat decides: a leap indicator other than the alarm and a stratum below 16. */
    private static boolean synchronised(SystemState system) {
        return system.leap() != LeapIndicator.UNSYNCHRONIZED && system.stratum() < 16;
    }

    private static void sources(Exposition page, List<AssociationState> sources) {
        page.family("ntp_source_info", MetricType.GAUGE,
                "Always 1: what a source is (server, peer or refclock), its configured name and its reference ID");
        for (AssociationState source : sources) {
            page.sample(List.of(sourceLabel(source), new Label("name", source.hostName().orElse("")),
                    new Label("type", type(source)),
                    new Label("refid", referenceId(source))), 1);
        }
        perSource(page, sources, "ntp_source_reach",
                "The reachability register: one bit a poll for the last 8 polls, 255 when all were answered",
                AssociationState::reach);
        perSource(page, sources, "ntp_source_stratum", "The source's stratum, 16 before it answers",
                AssociationState::stratum);
        perSource(page, sources, "ntp_source_offset_seconds", "The clock filter's offset of the source",
                AssociationState::offsetSeconds);
        perSource(page, sources, "ntp_source_delay_seconds", "The clock filter's round-trip delay to the source",
                AssociationState::delaySeconds);
        perSource(page, sources, "ntp_source_dispersion_seconds", "The clock filter's dispersion of the source",
                AssociationState::dispersionSeconds);
        perSource(page, sources, "ntp_source_jitter_seconds", "The clock filter's jitter of the source",
                AssociationState::jitterSeconds);
        perSource(page, sources, "ntp_source_poll_seconds", "How often the source is polled",
                source -> Math.scalb(1.0, source.hostPollLog2()));
        page.family("ntp_source_selection", MetricType.GAUGE, "1 for how far the source got in the last selection"
                + " (ntpq -p's tally: sys_peer *, candidate +, outlier -, falsetick x, ...), 0 for the other states");
        for (AssociationState source : sources) {
            PeerSelection selected = source.status().selection();
            for (PeerSelection state : PeerSelection.values()) {
                page.sample(List.of(sourceLabel(source), new Label("state", stateName(state))),
                        state == selected ? 1 : 0);
            }
        }
        page.family("ntp_source_sent_packets_total", MetricType.COUNTER, "Packets sent to the source");
        sources.forEach(source -> page.sample(List.of(sourceLabel(source)), source.sent()));
        page.family("ntp_source_received_packets_total", MetricType.COUNTER, "Packets taken from the source");
        sources.forEach(source -> page.sample(List.of(sourceLabel(source)), source.received()));
    }

    private static void perSource(Exposition page, List<AssociationState> sources, String name, String help,
            ToDoubleFunction<AssociationState> value) {
        page.family(name, MetricType.GAUGE, help);
        sources.forEach(source -> page.sample(List.of(sourceLabel(source)), value.applyAsDouble(source)));
    }

    private static Label sourceLabel(AssociationState source) {
        InetSocketAddress address = source.source();
        String text = IpAddress.of(address.getAddress()).toString();
        if (address.getPort() == NTP_PORT) {
            return new Label("source", text);
        }
        boolean v6 = address.getAddress() instanceof Inet6Address;
        return new Label("source", (v6 ? "[" + text + "]" : text) + ":" + address.getPort());
    }

    /** As ntpq shows it: text for a reference clock at any stratum, as ntpd's ctl_putpeer writes it. */
    private static String referenceId(AssociationState source) {
        return new ReferenceId(source.referenceIdBits()).display(source.isRefclock() ? 0 : source.stratum());
    }

    private static String type(AssociationState source) {
        if (source.isRefclock()) {
            return "refclock";
        }
        return source.hostMode() == 1 ? "peer" : "server";
    }

    /** The label value of a selection state: ntpq's name without {@code sel_}, as a Prometheus-safe word. */
    private static String stateName(PeerSelection state) {
        return switch (state) {
            case REJECT -> "reject";
            case FALSETICK -> "falsetick";
            case EXCESS -> "excess";
            case OUTLIER -> "outlier";
            case CANDIDATE -> "candidate";
            case BACKUP -> "backup";
            case SYS_PEER -> "sys_peer";
            case PPS_PEER -> "pps_peer";
        };
    }

    /** One counter family of the daemon, and the label that tells this counter apart in it, if any. */
    private record Series(String family, String help, Optional<Label> label) {
        static Series alone(String family, String help) {
            return new Series(family, help, Optional.empty());
        }

        static Series dropped(String reason) {
            return new Series("ntp_server_dropped_packets_total",
                    "Packets neither answered nor rate limited, by reason: bad_format (too short, malformed or of an"
                            + " unknown version), declined (not a request), restricted (refused by restrict lines)",
                    Optional.of(new Label("reason", reason)));
        }

        static Series cookieOpened(String key) {
            return new Series("ntp_server_nts_cookies_opened_total",
                    "Cookies of NTS requests opened, by the master key that opened them: current, previous",
                    Optional.of(new Label("key", key)));
        }

        static Series cookieRefused(String reason) {
            return new Series("ntp_server_nts_cookies_refused_total",
                    "Cookies of NTS requests that did not open, by reason: key_not_held (a master key rotated out"
                            + " or another server's), invalid (not ours or altered)",
                    Optional.of(new Label("reason", reason)));
        }

        static Series clientReply(String result) {
            return new Series("ntp_client_nts_replies_total",
                    "Replies to our NTS client, by result: authentic (the authenticator verified), unauthentic"
                            + " (forged, altered, stray or an NTS NAK)",
                    Optional.of(new Label("result", result)));
        }

        static Series keExchange(String family, String what, String result) {
            return new Series(family, what + ", by result: good (keys and cookies given), bad (anything else)",
                    Optional.of(new Label("result", result)));
        }
    }

    private static Series series(Counter counter) {
        return switch (counter) {
            case RECEIVED -> Series.alone("ntp_server_received_packets_total",
                    "Packets received on the NTP port (ntpq sysstats' packets received)");
            case CURRENT_VERSION -> Series.alone("ntp_server_current_version_packets_total",
                    "Packets of NTP version 4 received");
            case OLDER_VERSION -> Series.alone("ntp_server_older_version_packets_total",
                    "Packets of NTP versions 1 to 3 received");
            case ANSWERED -> Series.alone("ntp_server_answered_packets_total", "Time requests answered with time");
            case CONTROL -> Series.alone("ntp_server_control_requests_total",
                    "Control (mode 6, ntpq) requests taken to answer");
            case RATE_LIMITED -> Series.alone("ntp_server_rate_limited_packets_total",
                    "Requests over a limited client's rate, those answered with a kiss-o'-death included");
            case KOD_SENT -> Series.alone("ntp_server_kod_responses_total",
                    "RATE kiss-o'-death responses sent to limited clients");
            case AUTHENTICATION_FAILED -> Series.alone("ntp_server_authentication_failed_packets_total",
                    "Requests with a MAC that does not verify (dropped) or of a key not trusted (crypto-NAK sent)");
            case NTS_ANSWERED -> Series.alone("ntp_server_nts_answered_packets_total",
                    "NTS requests answered with time and fresh cookies (in the answered packets too)");
            case NTS_NAK_SENT -> Series.alone("ntp_server_nts_nak_responses_total",
                    "NTS NAKs (NTSN kiss-o'-death) sent to requests whose cookie did not open");
            case NTS_AUTH_FAILED -> Series.alone("ntp_server_nts_auth_failures_total",
                    "NTS requests dropped because their authenticator did not verify");
            case NTS_MALFORMED -> Series.alone("ntp_server_nts_malformed_packets_total",
                    "NTS requests dropped because their NTS fields were malformed");
            case NTS_COOKIE_MADE -> Series.alone("ntp_server_nts_cookies_made_total",
                    "NTS cookies sealed, in NTP replies and NTS-KE responses");
            case NTS_COOKIE_OPENED_CURRENT -> Series.cookieOpened("current");
            case NTS_COOKIE_OPENED_PREVIOUS -> Series.cookieOpened("previous");
            case NTS_COOKIE_KEY_NOT_HELD -> Series.cookieRefused("key_not_held");
            case NTS_COOKIE_INVALID -> Series.cookieRefused("invalid");
            case NTS_CLIENT_SENT -> Series.alone("ntp_client_nts_requests_total", "NTS requests our client sent");
            case NTS_CLIENT_AUTHENTIC -> Series.clientReply("authentic");
            case NTS_CLIENT_UNAUTHENTIC -> Series.clientReply("unauthentic");
            case NTS_KE_CLIENT_GOOD -> Series.keExchange("ntp_client_nts_ke_exchanges_total",
                    "Our client's NTS-KE exchanges", "good");
            case NTS_KE_CLIENT_BAD -> Series.keExchange("ntp_client_nts_ke_exchanges_total",
                    "Our client's NTS-KE exchanges", "bad");
            case NTS_KE_SERVED_GOOD -> Series.keExchange("ntp_server_nts_ke_exchanges_total",
                    "Exchanges our NTS-KE server answered", "good");
            case NTS_KE_SERVED_BAD -> Series.keExchange("ntp_server_nts_ke_exchanges_total",
                    "Exchanges our NTS-KE server answered", "bad");
            case BAD_FORMAT -> Series.dropped("bad_format");
            case DECLINED -> Series.dropped("declined");
            case RESTRICTED -> Series.dropped("restricted");
        };
    }

    private static void server(Exposition page, ServerStatistics statistics) {
        Map<String, List<Counter>> families = Arrays.stream(Counter.values()).collect(
                Collectors.groupingBy(counter -> series(counter).family(), LinkedHashMap::new, Collectors.toList()));
        families.forEach((family, counters) -> {
            page.family(family, MetricType.COUNTER, series(counters.getFirst()).help());
            counters.forEach(counter -> page.sample(series(counter).label().stream().toList(),
                    statistics.count(counter)));
        });
        gauge(page, "ntp_server_uptime_seconds", "Seconds since the daemon started", statistics.uptimeSeconds());
        gauge(page, "ntp_server_mru_entries", "Clients in the most-recently-used list", statistics.mruDepth());
        gauge(page, "ntp_server_mru_max_entries", "The most clients the most-recently-used list holds",
                statistics.mruMaxDepth());
    }

    private static void gauge(Exposition page, String name, String help, double value) {
        page.family(name, MetricType.GAUGE, help);
        page.sample(value);
    }
}
