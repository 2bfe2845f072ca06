package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Runs ingestion jobs on the test's MiniCluster and reads the tables back. */
public final class JobRuns {

    private JobRuns() {}

    /** One batch ingestion run at the given parallelism; its per-source counts. */
    public static IngestionReport batch(
            CatalogConfig catalog, List<SourceConfig> sources, String runId, int parallelism) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        new IngestionJob(catalog, sources, runId).build(env);
        return IngestionJob.report(env.execute("ingest " + runId));
    }

    /** Every row of the table by a key; fails on two rows with one key. */
    public static Map<String, Record> rows(RapportCatalog tables, TableDefinition table, Function<Record, String> key)
            throws IOException {
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(tables.load(table)).build()) {
            Map<String, Record> rows = new LinkedHashMap<>();
            for (Record record : records) {
                Record previous = rows.put(key.apply(record), record.copy());
                assertThat(previous).as("duplicate row %s", key.apply(record)).isNull();
            }
            return rows;
        }
    }
}
