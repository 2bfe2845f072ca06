package dev.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.generate.GeneratedSources;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import dev.rapport.sql.QueryResult;
import dev.rapport.sql.SqlRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo, in process, on a small generated company. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {

    private static final int PERSONS = 400;

    private Path workdir;

    private Demo.Result first;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    void runDemo(@TempDir Path dir) throws Exception {
        workdir = dir;
        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        first = new Demo(workdir, PERSONS, 7, 2, console).run();
    }

    @Test
    void everyGeneratedRecordIsStagedDeduplicatedOrQuarantined() {
        for (String source : GeneratedSources.FILES.keySet()) {
            SourceCounts counts = first.ingestion().source(source);
            long generated = first.company().records().get(source);

            assertThat(counts.read()).as("%s read", source).isEqualTo(generated);
            assertThat(counts.stored() + counts.deduplicated() + counts.quarantined())
                    .as("%s stored + deduplicated + quarantined", source)
                    .isEqualTo(counts.read());
            assertThat(counts.quarantined())
                    .as(
                            "%s quarantined (the generator broke %s on purpose)",
                            source, first.company().malformed().get(source))
                    .isGreaterThanOrEqualTo(first.company().malformed().getOrDefault(source, 0L));
        }
    }

    @Test
    void tablesHoldWhatTheReportsSay() throws IOException {
        long customerRecords = stored("customer");
        long interactions = stored("interaction");

        assertThat(count(RapportTables.CUSTOMER_RECORDS)).isEqualTo(customerRecords);
        assertThat(count(RapportTables.INTERACTIONS)).isEqualTo(interactions);
        assertThat(count(RapportTables.REJECTED))
                .isEqualTo(first.ingestion().total().quarantined());
        assertThat(count(RapportTables.IDENTITY_MAP)).isEqualTo(customerRecords);
        assertThat(count(RapportTables.CUSTOMER_PROFILE))
                .isEqualTo(first.identity().customers());
        assertThat(first.metrics().rowsWritten())
                .isEqualTo(count(RapportTables.NPS_DAILY))
                .isPositive();
    }

    @Test
    void quarantinedRecordsSayWhereTheyCameFromAndWhy() throws IOException {
        List<Record> rejected = read(RapportTables.REJECTED);

        assertThat(rejected).isNotEmpty().allSatisfy(row -> {
            assertThat((String) row.getField("location")).matches(".+:\\d+");
            assertThat((String) row.getField("error_code")).isNotBlank();
            assertThat((String) row.getField("message")).isNotBlank();
            assertThat((String) row.getField("raw_payload")).isNotNull();
        });
    }

    @Test
    void customersAreWithinASaneDistanceOfTheTruth() throws IOException {
        Map<String, String> truth = groundTruth();
        Map<String, String> customerOf = new HashMap<>();
        for (Record row : read(RapportTables.IDENTITY_MAP)) {
            customerOf.put(row.getField("source") + "\u0000" + row.getField("source_id"), (String)
                    row.getField("customer_id"));
        }
        Set<String> truePersons = new HashSet<>();
        for (String key : customerOf.keySet()) {
            assertThat(truth).as("ground truth has %s", key).containsKey(key);
            truePersons.add(truth.get(key));
        }
        long customers = first.identity().customers();
        double ratio = (double) customers / truePersons.size();

        System.out.printf(
                "demo: %d customers for %d true persons (ratio %.3f), largest cluster %d%n",
                customers, truePersons.size(), ratio, first.identity().largestCluster());
        assertThat(ratio).isBetween(0.95, 1.3);
        assertThat(first.identity().largestCluster()).isLessThan(20);
    }

    @Test
    void npsTotalsMatchPlainSqlOverStaging() throws Exception {
        QueryResult direct = new SqlRunner(first.config().catalog(), 2)
                .query(
                        "SELECT COUNT(*) FROM staging.interactions WHERE survey_type = 'NPS' AND score BETWEEN 0 AND 10");
        QueryResult metric = new SqlRunner(first.config().catalog(), 2)
                .query(
                        "SELECT SUM(responses), SUM(promoters) + SUM(passives) + SUM(detractors) FROM metrics.nps_daily");

        long responses = Long.parseLong(metric.rows().get(0).get(0));
        assertThat(Long.parseLong(metric.rows().get(0).get(1))).isEqualTo(responses);
        assertThat(responses).isEqualTo(first.metrics().responses()).isPositive();
        // Repeated answers by one respondent on one day, channel and touchpoint count once.
        assertThat(responses)
                .isLessThanOrEqualTo(Long.parseLong(direct.rows().get(0).get(0)));
    }

    @Test
    void rerunningTheDemoLeavesTheSameRows() throws Exception {
        Map<String, Long> before = counts();
        Console quiet = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

        Demo.Result second = new Demo(workdir, PERSONS, 7, 2, quiet).run();

        Map<String, Long> after = counts();
        // The run log is the one table a rerun adds to: one row per source per run.
        assertThat(after.remove(RapportTables.INGESTION_RUNS.qualifiedName()))
                .isEqualTo(before.remove(RapportTables.INGESTION_RUNS.qualifiedName())
                        + first.config().fileSources().size());
        // ... and one row per job run.
        assertThat(after.remove(RapportTables.JOB_RUNS.qualifiedName()))
                .isEqualTo(before.remove(RapportTables.JOB_RUNS.qualifiedName()) + 4);
        assertThat(after).isEqualTo(before);
        assertThat(second.identity().customers()).isEqualTo(first.identity().customers());
    }

    @Test
    void theDemoExportsThePersonalizationFeedAsJsonLinesOneCustomerPerLine() throws IOException {
        java.nio.file.Path folder = workdir.resolve("feed/personalization");
        List<String> lines = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(lines).hasSize((int) first.identity().customers());
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"next_best_action\":\""));
    }

    @Test
    void everyJobRunIsLoggedWithWhatItWrote() throws IOException {
        Map<String, Record> firstRuns = new HashMap<>();
        for (Record row : read(RapportTables.JOB_RUNS)) {
            firstRuns.merge(
                    (String) row.getField("job"),
                    row,
                    (a, b) -> ((java.time.OffsetDateTime) a.getField("started_at"))
                                    .isBefore((java.time.OffsetDateTime) b.getField("started_at"))
                            ? a
                            : b);
        }

        assertThat(firstRuns.keySet()).containsExactlyInAnyOrder("ingest", "resolve", "metrics", "feed");
        assertThat(firstRuns.values())
                .allSatisfy(row -> assertThat(row.getField("outcome")).isEqualTo("succeeded"));
        assertThat(outputs(firstRuns.get("ingest")).get("quarantined"))
                .isEqualTo(first.ingestion().total().quarantined());
        assertThat(outputs(firstRuns.get("resolve")).get("customers"))
                .isEqualTo(first.identity().customers());
        // the feed has one row per customer
        assertThat(outputs(firstRuns.get("feed")).get("feeds.personalization"))
                .isEqualTo(first.feed().customers())
                .isEqualTo(first.identity().customers());
        assertThat(outputs(firstRuns.get("metrics")).get(RapportTables.NPS_DAILY.qualifiedName()))
                .isEqualTo(first.metrics().rowsWritten());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> outputs(Record run) {
        return (Map<String, Long>) run.getField("outputs");
    }

    @Test
    void theSqlCommandPrintsCsvOfAnyTable() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = dev.rapport.cli.RapportCommand.execute(
                    "sql",
                    "--config",
                    first.configFile().toString(),
                    "--format",
                    "csv",
                    "SELECT COUNT(*) AS customers FROM `identity`.customer_profile");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("customers\n" + first.identity().customers() + "\n");
    }

    @Test
    void aBrokenConfigFailsBeforeAnyJobWithTheKeyNamed() throws IOException {
        Path broken = workdir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(first.configFile()).replace("parallelism: 2", "parallelism: -1"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            exit = dev.rapport.cli.RapportCommand.execute("run", "--config", broken.toString());
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains(broken.toString())
                .contains("parallelism: must be a whole number");
    }

    @Test
    void progressIsShown() {
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Generating a company of 400 persons")
                .contains("ingest: done in")
                .contains("resolve: done in")
                .contains("metrics: done in");
    }

    private long stored(String kind) {
        return first.config().sources().stream()
                .filter(s -> s.kind().name().equalsIgnoreCase(kind))
                .mapToLong(s -> first.ingestion().source(s.name()).stored())
                .sum();
    }

    private Map<String, Long> counts() throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (TableDefinition table : RapportTables.all()) {
            counts.put(table.qualifiedName(), count(table));
        }
        return counts;
    }

    private long count(TableDefinition table) throws IOException {
        return read(table).size();
    }

    private List<Record> read(TableDefinition table) throws IOException {
        try (RapportCatalog catalog = new RapportCatalog(first.config().catalog());
                CloseableIterable<Record> rows =
                        IcebergGenerics.read(catalog.load(table)).build()) {
            List<Record> all = new java.util.ArrayList<>();
            rows.forEach(r -> all.add(r.copy()));
            return all;
        }
    }

    private Map<String, String> groundTruth() throws IOException {
        Map<String, String> truth = new HashMap<>();
        List<String> lines =
                Files.readAllLines(workdir.resolve(Demo.DATA_DIR).resolve(GeneratedSources.GROUND_TRUTH_FILE));
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(",", -1);
            truth.put(parts[0] + "\u0000" + parts[1], parts[2]);
        }
        return truth;
    }
}
