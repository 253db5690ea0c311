package org.jntp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test parser is as strict as Prometheus, so that a page it takes is one Prometheus takes. */
class PrometheusTextTest {
    @Test
    void readsSamplesWithLabelsAndTimestamps() {
        PrometheusText.Scrape scrape = PrometheusText.parse("""
                # HELP a_total A \\\\ count
                # TYPE a_total counter
                a_total{x="1",y="q\\"\\n"} 3 1700000000000
                b -Inf
                """);

        assertThat(scrape.value("a_total", "x", "1", "y", "q\"\n")).isEqualTo(3);
        assertThat(scrape.value("b")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scrape.helps()).containsEntry("a_total", "A \\ count");
    }

    @Test
    void rejectsABadEscape() {
        assertThatThrownBy(() -> PrometheusText.parse("a{x=\"\\t\"} 1\n")).hasMessageContaining("bad escape");
    }

    @Test
    void rejectsAFamilySplitInTwo() {
        assertThatThrownBy(() -> PrometheusText.parse("a 1\nb 1\na{x=\"1\"} 2\n")).hasMessageContaining("split");
    }

    @Test
    void rejectsASeriesGivenTwice() {
        assertThatThrownBy(() -> PrometheusText.parse("a{x=\"1\"} 1\na{x=\"1\"} 2\n")).hasMessageContaining("twice");
    }

    @Test
    void rejectsAValueGoCannotRead() {
        assertThatThrownBy(() -> PrometheusText.parse("a 1d\n")).hasMessageContaining("bad value");
    }

    @Test
    void rejectsAPageWithoutItsLastNewline() {
        assertThatThrownBy(() -> PrometheusText.parse("a 1")).hasMessageContaining("newline");
    }
}
