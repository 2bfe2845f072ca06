package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIngestionReport {

    @Test
    void readsPerSourceAccumulatorsAndIgnoresOthers() {
        IngestionReport report = IngestionReport.fromAccumulators(Map.of(
                "crm.read", 6L,
                "crm.stored", 2L,
                "crm.deduplicated", 1L,
                "crm.quarantined", 3L,
                "esp.read", 1L,
                "esp.stored", 1L,
                "some-other-accumulator", 9L,
                "crm.note", "text"));

        assertThat(report.sources()).containsOnlyKeys("crm", "esp");
        assertThat(report.source("crm")).isEqualTo(new SourceCounts(6, 2, 1, 3));
        assertThat(report.source("crm").balanced()).isTrue();
        assertThat(report.source("esp")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        assertThat(report.source("missing")).isEqualTo(new SourceCounts(0, 0, 0, 0));
        assertThat(report.total()).isEqualTo(new SourceCounts(7, 3, 1, 3));
    }

    @Test
    void unbalancedCountsAreVisible() {
        assertThat(new SourceCounts(5, 2, 1, 1).balanced()).isFalse();
    }
}
