package org.jntp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpositionTest {
    /** What the format escapes, what its syntax uses, and more. */
    private static final String CHARACTERS = "ab\\\"\n {}=,é#";

    @Test
    void writesHelpAndTypeThenTheSamples() {
        Exposition page = new Exposition();
        page.family("ntp_source_reach", MetricType.GAUGE, "The reach register");
        page.sample(List.of(new Label("source", "192.0.2.1")), 255);
        page.sample(List.of(new Label("source", "192.0.2.2")), 3);

        assertThat(page.text()).isEqualTo("""
                # HELP ntp_source_reach The reach register
                # TYPE ntp_source_reach gauge
                ntp_source_reach{source="192.0.2.1"} 255
                ntp_source_reach{source="192.0.2.2"} 3
                """);
    }

    @Test
    void writesACounterAsSuch() {
        Exposition page = new Exposition();
        page.family("ntp_server_received_packets_total", MetricType.COUNTER, "Packets");
        page.sample(12);

        assertThat(page.text()).contains("# TYPE ntp_server_received_packets_total counter\n"
                + "ntp_server_received_packets_total 12\n");
    }

    @Test
    void refusesACounterWhoseNameDoesNotEndInTotal() {
        assertThatThrownBy(() -> new Exposition().family("ntp_server_requests", MetricType.COUNTER, "Requests"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameOutsideTheFormat() {
        assertThatThrownBy(() -> new Exposition().family("ntp-offset", MetricType.GAUGE, "Offset"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesBackslashQuoteAndNewlineInLabelValues() {
        Exposition page = new Exposition();
        page.family("ntp_source_info", MetricType.GAUGE, "Info");
        page.sample(List.of(new Label("name", "a\\b\"c\nd")), 1);

        assertThat(page.text()).endsWith("ntp_source_info{name=\"a\\\\b\\\"c\\nd\"} 1\n");
    }

    @Test
    void escapesBackslashAndNewlineButNotQuotesInHelp() {
        Exposition page = new Exposition();
        page.family("ntp_x", MetricType.GAUGE, "a \\ \"b\"\nc");

        assertThat(page.text()).startsWith("# HELP ntp_x a \\\\ \"b\"\\nc\n");
    }

    @Test
    void writesWholeNumbersWithoutAFraction() {
        assertThat(Exposition.number(16)).isEqualTo("16");
        assertThat(Exposition.number(-3)).isEqualTo("-3");
        assertThat(Exposition.number(-0.0)).isEqualTo("0");
    }

    @Test
    void writesFractionsSoThatTheyReadBackExactly() {
        for (double value : new double[] {-0.000_016_8, 1.5e-9, 12.25, 123456.789e10}) {
            assertThat(Double.parseDouble(Exposition.number(value))).isEqualTo(value);
        }
        assertThat(Exposition.number(1.5e-9)).isEqualTo("1.5E-9");
    }

    @Test
    void writesNaNAndInfinitiesAsPrometheusDoes() {
        assertThat(Exposition.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Exposition.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Exposition.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void labelValuesOfEveryCharacterReadBackThroughAPrometheusParser() {
        Random random = new Random(6);
        for (int round = 0; round < 500; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                value.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
            Exposition page = new Exposition();
            page.family("ntp_x", MetricType.GAUGE, value.toString());
            page.sample(List.of(new Label("v", value.toString()), new Label("w", "x")), round);

            PrometheusText.Scrape scrape = PrometheusText.parse(page.text());
            assertThat(scrape.value("ntp_x", "v", value.toString(), "w", "x")).isEqualTo(round);
            assertThat(scrape.helps()).containsEntry("ntp_x", value.toString());
        }
    }
}
