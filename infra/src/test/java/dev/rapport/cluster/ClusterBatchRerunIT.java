package dev.rapport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.ExecutionTarget;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import dev.rapport.testing.LocalCluster;
import dev.rapport.testing.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rerun safety of a batch job on the real cluster: an ingestion run loses a TaskManager (SIGKILL)
 * while its writers have files open, and fails; the rerun stores every record exactly once, and no
 * data file in the warehouse is left that the tables do not reference.
 */
class ClusterBatchRerunIT {

    @TempDir
    Path dir;

    @Test
    void aBatchRunThatDiesHalfwayIsRerunWithNoDuplicatesAndNoOrphanedFiles() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (PostgresServer postgres = PostgresServer.start("rerun");
                LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), 2)) {
            GeneratedCompany company =
                    new CompanyGenerator(new GeneratorConfig(4000, 3, dir.resolve("data"))).generate();
            Path warehouse = dir.resolve("warehouse");
            Path file = dir.resolve("rapport.yaml");
            Files.writeString(
                    file,
                    "catalog:\n"
                            + "  type: jdbc\n"
                            + "  uri: \"" + postgres.jdbcUrl("rerun") + "\"\n"
                            + "  warehouse: \"" + warehouse + "\"\n"
                            + "  properties:\n"
                            + "    jdbc.user: " + PostgresServer.USER + "\n"
                            + "    jdbc.password: \"${env:RAPPORT_CATALOG_PASSWORD}\"\n"
                            + "parallelism: 2\n"
                            + GeneratedSources.sourcesYaml("data"));
            RapportConfig config =
                    RapportConfigLoader.load(file, Map.of("RAPPORT_CATALOG_PASSWORD", postgres.password()));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Pipeline pipeline = new Pipeline(
                    config,
                    new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false),
                    ExecutionTarget.cluster(cluster.restAddress()));

            Future<IngestionReport> firstRun = background.submit(pipeline::ingest);
            while (!firstRun.isDone() && dataFiles(warehouse).isEmpty()) {
                Thread.sleep(50);
            }
            assertThat(firstRun.isDone())
                    .as("the run was still writing when its first files appeared")
                    .isFalse();
            cluster.killTaskManager(cluster.liveTaskManagers().get(0));
            assertThatThrownBy(firstRun::get).isInstanceOf(ExecutionException.class);
            assertThat(unreferencedDataFiles(config, warehouse))
                    .as("files left by the failed run")
                    .isEmpty();

            cluster.addTaskManager();
            IngestionReport rerun = pipeline.ingest();

            for (String source : GeneratedSources.FILES.keySet()) {
                assertThat(rerun.source(source).read())
                        .as(source)
                        .isEqualTo(company.records().get(source));
                assertThat(rerun.source(source).balanced()).as(source).isTrue();
            }
            long customerRecords = config.sources().stream()
                    .filter(s -> s.kind().name().equals("CUSTOMER"))
                    .mapToLong(s -> rerun.source(s.name()).stored())
                    .sum();
            List<String> keys = keys(config, RapportTables.CUSTOMER_RECORDS);
            assertThat(keys).hasSize((int) customerRecords);
            assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
            assertThat(unreferencedDataFiles(config, warehouse)).isEmpty();
            assertThat(outcomes(config)).containsExactly("failed", "succeeded");
            System.out.println(output.toString(StandardCharsets.UTF_8));
        } finally {
            background.shutdownNow();
        }
    }

    private static List<Path> dataFiles(Path warehouse) throws IOException {
        if (!Files.isDirectory(warehouse)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(p -> p.toString().endsWith(".parquet"))
                    .filter(p -> !p.toString().contains("/metadata/"))
                    .filter(p -> !p.toString().contains("ingestion_runs")
                            && !p.toString().contains("job_runs"))
                    .toList();
        }
    }

    /** Data and delete files under the warehouse that no snapshot of any table references. */
    private static List<Path> unreferencedDataFiles(RapportConfig config, Path warehouse) throws IOException {
        Set<Path> referenced = new HashSet<>();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog())) {
            for (TableDefinition definition : RapportTables.all()) {
                if (!catalog.exists(definition)) {
                    continue;
                }
                Table table = catalog.load(definition);
                for (org.apache.iceberg.Snapshot snapshot : table.snapshots()) {
                    for (ManifestFile manifest : snapshot.allManifests(table.io())) {
                        try (CloseableIterable<? extends ContentFile<?>> entries =
                                manifest.content() == ManifestContent.DATA
                                        ? ManifestFiles.read(manifest, table.io(), table.specs())
                                        : ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
                            entries.forEach(entry -> referenced.add(local(entry.location())));
                        }
                    }
                }
            }
        }
        List<Path> unreferenced = new ArrayList<>(dataFiles(warehouse));
        unreferenced.removeAll(referenced);
        return unreferenced;
    }

    private static Path local(String location) {
        return Path.of(location.replaceFirst("^file:(//)?", ""));
    }

    private static List<String> keys(RapportConfig config, TableDefinition definition) throws IOException {
        List<String> keys = new ArrayList<>();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(catalog.load(definition))
                        .select("source", "source_id")
                        .build()) {
            rows.forEach(r -> keys.add(r.getField("source") + "\u0000" + r.getField("source_id")));
        }
        return keys;
    }

    private static List<String> outcomes(RapportConfig config) throws IOException {
        List<Record> runs = new ArrayList<>();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(catalog.load(RapportTables.JOB_RUNS))
                        .build()) {
            rows.forEach(r -> runs.add(r.copy()));
        }
        runs.sort(java.util.Comparator.comparing(r -> (java.time.OffsetDateTime) r.getField("started_at")));
        return runs.stream().map(r -> (String) r.getField("outcome")).toList();
    }
}
