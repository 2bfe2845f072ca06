package dev.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIngestionRunLog {

    @TempDir
    Path dir;

    @Test
    void recordsOneRowPerSourceWithItsCountsAndFailedRunsToo() throws Exception {
        CatalogConfig catalog = CatalogConfig.embedded(dir);
        IngestionRunLog log = new IngestionRunLog(catalog);
        Instant start = Instant.parse("2024-03-01T10:00:00Z");
        IngestionReport report =
                new IngestionReport(Map.of("crm", new SourceCounts(10, 7, 1, 2), "esp", new SourceCounts(5, 5, 0, 0)));

        log.record(
                "ingest-1",
                "batch",
                start,
                start.plusSeconds(3),
                List.of("crm", "esp", "erp"),
                report,
                IngestionRunLog.SUCCEEDED);
        log.record("ingest-2", "batch", start.plusSeconds(60), start.plusSeconds(61), List.of("crm"), null, "failed");

        List<String> rows = new ArrayList<>();
        try (RapportCatalog tables = new RapportCatalog(catalog);
                CloseableIterable<Record> records = IcebergGenerics.read(tables.load(RapportTables.INGESTION_RUNS))
                        .build()) {
            for (Record r : records) {
                rows.add(String.join(
                        " ",
                        (String) r.getField("run_id"),
                        (String) r.getField("source"),
                        (String) r.getField("mode"),
                        ((OffsetDateTime) r.getField("ended_at")).toInstant().toString(),
                        r.getField("read") + "=" + r.getField("stored") + "+" + r.getField("deduplicated") + "+"
                                + r.getField("quarantined"),
                        (String) r.getField("outcome")));
            }
        }
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        "ingest-1 crm batch 2024-03-01T10:00:03Z 10=7+1+2 succeeded",
                        "ingest-1 esp batch 2024-03-01T10:00:03Z 5=5+0+0 succeeded",
                        "ingest-1 erp batch 2024-03-01T10:00:03Z 0=0+0+0 succeeded",
                        "ingest-2 crm batch 2024-03-01T10:01:01Z 0=0+0+0 failed");
    }
}
