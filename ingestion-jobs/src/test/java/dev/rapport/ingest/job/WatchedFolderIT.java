package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mode: watch}: a file added to the folder while the job runs is read and committed. */
class WatchedFolderIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(4)
                    .build());

    @TempDir
    Path dir;

    @Test
    void picksUpAFileAddedWhileTheJobRuns() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("contacts_1.csv"), "Id,Email\nc1,ana@example.com\nc2,bob@example.com\n");
        Files.writeString(inbox.resolve("notes.txt"), "not a contacts file\n");
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "crm");
        yaml.put("kind", "customer");
        yaml.put("format", "csv");
        yaml.put("path", "inbox/contacts_*.csv");
        yaml.put("mode", "watch");
        yaml.put("watch_interval", "200ms");
        yaml.put("mapping", new LinkedHashMap<>(Map.of("source_id", "Id", "email", "Email")));
        SourceConfig source = SourceConfig.fromMap(yaml, "sources[0]", dir);
        assertThat(source.isStream()).isTrue();
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));

        JobClient job = start(catalog, source);
        try {
            await("the first file's rows", () -> customers(catalog).keySet().equals(java.util.Set.of("c1", "c2")));

            // Written aside and moved in, so the job never sees a half-written file.
            Path staged = dir.resolve("contacts_2.csv.part");
            Files.writeString(staged, "Id,Email\nc3,cleo@example.com\nc1,ana.new@example.com\n");
            Files.move(staged, inbox.resolve("contacts_2.csv"), StandardCopyOption.ATOMIC_MOVE);

            await(
                    "the added file's rows",
                    () -> customers(catalog).containsKey("c3")
                            && "ana.new@example.com"
                                    .equals(customers(catalog).get("c1").getField("email")));
            // Accumulators of a running job reach the client with a delay: wait for them too.
            await("counts read 4 = stored 3 + deduplicated 1", () -> IngestionReport.fromAccumulators(
                            job.getAccumulators().get(1, TimeUnit.MINUTES))
                    .source("crm")
                    .equals(new SourceCounts(4, 3, 1, 0)));
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
        Map<String, Record> rows = customers(catalog);
        assertThat(rows).containsOnlyKeys("c1", "c2", "c3");
        assertThat(rows.get("c1").getField("source_location")).isEqualTo("contacts_2.csv:3");
    }

    private static Map<String, Record> customers(CatalogConfig catalog) throws Exception {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            if (!tables.exists(RapportTables.CUSTOMER_RECORDS)) {
                return Map.of();
            }
            return JobRuns.rows(tables, RapportTables.CUSTOMER_RECORDS, r -> (String) r.getField("source_id"));
        }
    }

    private static JobClient start(CatalogConfig catalog, SourceConfig source) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        new StreamingIngestionJob(catalog, List.of(source), "watch-1").build(env);
        return env.executeAsync("watch");
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }
}
