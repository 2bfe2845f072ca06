package dev.rapport.identity.job;

import static dev.rapport.identity.job.IdentityJobIT.append;
import static dev.rapport.identity.job.IdentityJobIT.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental resolution of a second batch gives what a full resolution of both batches gives,
 * at parallelism 1, 2 and 4, while linking only the blocks of the changed records.
 */
class IncrementalResolutionIT {

    private static final Instant FIRST_RUN = Instant.parse("2024-05-02T00:00:00Z");
    private static final Instant SECOND_RUN = Instant.parse("2024-06-02T00:00:00Z");
    /** People of the first batch that the second does not touch: their blocks are not linked again. */
    private static final int UNTOUCHED_PEOPLE = 12;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(4)
                    .build());

    @TempDir
    Path dir;

    private static final IdentityConfig DETERMINISTIC =
            IdentityConfig.fromMap(Map.of("probabilistic", Map.of("enabled", false)), "identity");
    private static final IdentityConfig PROBABILISTIC = IdentityConfig.fromMap(Map.of(), "identity");
    /** The fresh full run of the probabilistic case applies the model the first run estimated. */
    private static final IdentityConfig PROBABILISTIC_REUSE =
            IdentityConfig.fromMap(Map.of("probabilistic", Map.of("model", "reuse")), "identity");

    /** Both runs and the tables they left. */
    private record Outcome(IdentityReport incremental, IdentityReport full, Map<String, List<String>> tables) {}

    @Test
    void incrementalRunMatchesFullRecomputeAtEveryParallelism() throws Exception {
        Map<Integer, Outcome> outcomes = new TreeMap<>();
        for (int parallelism : List.of(1, 2, 4)) {
            Outcome outcome = resolveTwice("deterministic", DETERMINISTIC, DETERMINISTIC, parallelism);
            outcomes.put(parallelism, outcome);
            assertThat(outcome.incremental().blocksLinked())
                    .isLessThanOrEqualTo(outcome.full().blocksLinked() - UNTOUCHED_PEOPLE);
            assertThat(outcome.incremental().comparisons()).isZero();
        }
        assertThat(outcomes.get(2).tables()).isEqualTo(outcomes.get(1).tables());
        assertThat(outcomes.get(4).tables()).isEqualTo(outcomes.get(1).tables());
    }

    @Test
    void incrementalRunWithProbabilisticMatchingMatchesFullRecomputeWithTheSameModel() throws Exception {
        Map<Integer, Outcome> outcomes = new TreeMap<>();
        for (int parallelism : List.of(1, 2, 4)) {
            Outcome outcome = resolveTwice("probabilistic", PROBABILISTIC, PROBABILISTIC_REUSE, parallelism);
            outcomes.put(parallelism, outcome);
            assertThat(outcome.incremental().comparisons())
                    .isLessThan(outcome.full().comparisons());
            assertThat(outcome.incremental().candidatePairs())
                    .isLessThan(outcome.full().candidatePairs());
            assertThat(outcome.incremental().candidateBlocksCompared())
                    .isLessThan(outcome.full().candidateBlocksCompared());
            assertThat(outcome.incremental().candidateBlocks())
                    .isEqualTo(outcome.full().candidateBlocks());
            // Dragan's shop record joins him by probability alone, and links stored per candidate block are kept
            assertThat(outcome.tables().get(RapportTables.MATCH_EVIDENCE.qualifiedName()))
                    .anyMatch(row -> row.contains("probabilistic"));
            assertThat(outcome.tables().get(RapportTables.MATCH_LINKS.qualifiedName()))
                    .anyMatch(row -> row.contains("candidate:"));
        }
        assertThat(outcomes.get(2).tables()).isEqualTo(outcomes.get(1).tables());
        assertThat(outcomes.get(4).tables()).isEqualTo(outcomes.get(1).tables());
    }

    @Test
    void reusingAModelThatWasNeverEstimatedFailsWithWhatToDo() throws Exception {
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("no-model")));
        writeRecords(catalog, firstBatch().values());
        assertThatThrownBy(() -> run(new IdentityJob(catalog, PROBABILISTIC_REUSE, FIRST_RUN), 1))
                .hasMessageContaining("identity.probabilistic.model")
                .hasMessageContaining("run a full resolution with model: estimate first");
    }

    @Test
    void changedSettingsMakeTheIncrementalRunAFullOne() throws Exception {
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("settings")));
        writeRecords(catalog, firstBatch().values());
        run(new IdentityJob(catalog, DETERMINISTIC, FIRST_RUN), 2);
        IdentityConfig phoneOnly = IdentityConfig.fromMap(
                Map.of("rules", List.of("phone"), "probabilistic", Map.of("enabled", false)), "identity");
        IdentityJob job = new IdentityJob(catalog, phoneOnly, SECOND_RUN, true);
        assertThat(run(job, 2).mode()).isEqualTo(IdentityReport.FULL);
        assertThat(job.fullRunReason()).contains("the identity settings changed since the previous run");
    }

    /**
     * Batch 1, a full run (asked for incrementally: nothing to continue yet), batch 2 and an
     * incremental run; then both batches in a fresh catalog and a full run (with the first run's
     * model if {@code fullConfig} reuses it). Asserts the two leave the same tables.
     */
    private Outcome resolveTwice(String name, IdentityConfig config, IdentityConfig fullConfig, int parallelism)
            throws Exception {
        CatalogConfig incremental =
                CatalogConfig.embedded(Files.createDirectories(dir.resolve(name + "-incremental-" + parallelism)));
        writeRecords(incremental, firstBatch().values());
        IdentityJob first = new IdentityJob(incremental, config, FIRST_RUN, true);
        IdentityReport firstReport = run(first, parallelism);
        assertThat(first.fullRunReason()).contains("no previous run to continue");
        assertThat(firstReport.mode()).isEqualTo(IdentityReport.FULL);
        Map<String, String> firstCustomers = customerOf(incremental);

        writeRecords(incremental, bothBatches());
        IdentityJob second = new IdentityJob(incremental, config, SECOND_RUN, true);
        IdentityReport incrementalReport = run(second, parallelism);
        assertThat(second.fullRunReason()).isEmpty();

        CatalogConfig full =
                CatalogConfig.embedded(Files.createDirectories(dir.resolve(name + "-full-" + parallelism)));
        writeRecords(full, bothBatches());
        copyModel(incremental, full);
        IdentityReport fullReport = run(new IdentityJob(full, fullConfig, SECOND_RUN), parallelism);

        Map<String, List<String>> incrementalTables = resultTables(incremental);
        Map<String, List<String>> fullTables = resultTables(full);
        for (String table : fullTables.keySet()) {
            assertThat(incrementalTables.get(table))
                    .as("%s: %s of the incremental vs the full run at parallelism %d", name, table, parallelism)
                    .containsExactlyElementsOf(fullTables.get(table));
        }

        assertThat(incrementalReport.mode()).isEqualTo(IdentityReport.INCREMENTAL);
        assertThat(fullReport.mode()).isEqualTo(IdentityReport.FULL);
        // new: Nina x2, Ana's and Bob's shop records, Dragan's shop record; updated: Zoran, Vera;
        // deleted: Ana's old shop record
        assertThat(incrementalReport.changedRecords()).isEqualTo(8);
        assertThat(fullReport.changedRecords()).isEqualTo(fullReport.records());
        assertThat(incrementalReport.records()).isEqualTo(fullReport.records());
        assertThat(incrementalReport.blocks()).isEqualTo(fullReport.blocks());
        assertThat(incrementalReport.customers()).isEqualTo(fullReport.customers());
        assertThat(incrementalReport.linksByRule()).isEqualTo(fullReport.linksByRule());
        assertThat(incrementalReport.blocksLinked()).isLessThan(fullReport.blocksLinked());
        assertThat(incrementalReport.blockEntriesLinked()).isLessThan(fullReport.blockEntriesLinked());

        // what the batch did to the customers of the first run
        Map<String, String> customers = customerOf(incremental);
        assertThat(customers.get("shop/60")).isEqualTo(firstCustomers.get("crm/1"));
        assertThat(customers.get("shop/21")).isEqualTo(customers.get("crm/10")).isEqualTo(customers.get("shop/20"));
        assertThat(customers.get("crm/30")).isEqualTo(customers.get("erp/Z1"));
        assertThat(customers.get("crm/40")).isNotEqualTo(customers.get("erp/V40"));
        assertThat(firstCustomers.get("crm/40")).isEqualTo(firstCustomers.get("erp/V40"));
        if (!config.probabilistic().enabled()) {
            // by the rules alone, Bob's two records and Zoran's two were apart before the batch
            // (probabilistic matching may join them by their names from the start)
            assertThat(firstCustomers.get("crm/10")).isNotEqualTo(firstCustomers.get("shop/20"));
            assertThat(firstCustomers.get("crm/30")).isNotEqualTo(firstCustomers.get("erp/Z1"));
        }
        assertThat(customers).doesNotContainKey("shop/7");
        assertThat(customers.get("crm/50")).isEqualTo(customers.get("shop/51"));
        assertThat(customers.get("crm/4")).isNotEqualTo(customers.get("crm/5"));
        return new Outcome(incrementalReport, fullReport, incrementalTables);
    }

    /** The model the first run estimated, into the fresh catalog (nothing when none was estimated). */
    private static void copyModel(CatalogConfig from, CatalogConfig to) throws IOException {
        List<Record> model = readAll(from, RapportTables.MATCH_MODEL.qualifiedName());
        if (model.isEmpty()) {
            return;
        }
        try (RapportCatalog tables = new RapportCatalog(to)) {
            Table table = tables.ensure(RapportTables.MATCH_MODEL);
            GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
            OutputFile file = table.io().newOutputFile(table.locationProvider().newDataLocation("model.parquet"));
            FileAppender<Record> appender = factory.newAppender(file, FileFormat.PARQUET);
            try (appender) {
                appender.addAll(model);
            }
            table.newAppend()
                    .appendFile(DataFiles.builder(table.spec())
                            .withInputFile(file.toInputFile())
                            .withMetrics(appender.metrics())
                            .withFormat(FileFormat.PARQUET)
                            .build())
                    .commit();
        }
    }

    /** The tables a user reads, and the state the next incremental run reads, as sorted rows. */
    private static Map<String, List<String>> resultTables(CatalogConfig catalog) throws IOException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of(
                RapportTables.IDENTITY_MAP.qualifiedName(),
                RapportTables.CUSTOMER_PROFILE.qualifiedName(),
                RapportTables.MATCH_EVIDENCE.qualifiedName(),
                RapportTables.MATCH_LINKS.qualifiedName(),
                RapportTables.RESOLUTION_STATE.qualifiedName())) {
            tables.put(
                    table,
                    readAll(catalog, table).stream()
                            .map(Record::toString)
                            .sorted()
                            .toList());
        }
        return tables;
    }

    /** "source/source_id" -> customer id. */
    private static Map<String, String> customerOf(CatalogConfig catalog) throws IOException {
        Map<String, String> customers = new TreeMap<>();
        for (Record record : readAll(catalog, RapportTables.IDENTITY_MAP.qualifiedName())) {
            customers.put(record.getField("source") + "/" + record.getField("source_id"), (String)
                    record.getField("customer_id"));
        }
        return customers;
    }

    private static IdentityReport run(IdentityJob job, int parallelism) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);
        job.build(env);
        return IdentityJob.report(env.execute("incremental identity resolution test"));
    }

    /** Replaces the staging table's contents, as ingestion's upserts leave it. */
    private static void writeRecords(CatalogConfig catalog, Collection<Map<String, Object>> rows) throws IOException {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(RapportTables.CUSTOMER_RECORDS);
            if (table.currentSnapshot() != null) {
                table.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
            }
            append(table, new ArrayList<>(rows));
        }
    }

    private static List<Record> readAll(CatalogConfig catalog, String table) throws IOException {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table loaded = tables.load(RapportTables.find(table).orElseThrow());
            List<Record> rows = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    IcebergGenerics.read(loaded).build()) {
                records.forEach(record -> rows.add(record.copy()));
            }
            return rows;
        }
    }

    /** By "source/source_id". */
    private static Map<String, Map<String, Object>> firstBatch() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        // Ana: CRM and ERP share an email, the web shop shares the CRM phone
        put(
                rows,
                row("crm", "1", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana.petrovic@example.com")
                        .phone("+381641111111")
                        .times("2020-01-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("erp", "A100", "Ana", "Petrovic", "ana", "petrovic")
                        .email("ana.petrovic@example.com")
                        .times("2019-05-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("shop", "7", "Ana", null, "ana", null)
                        .phone("+381641111111")
                        .times("2021-03-01T00:00:00Z", null)
                        .values);
        // Milan: the CRM holds his ERP account number
        put(
                rows,
                row("crm", "3", "Milan", "Jovanović", "milan", "jovanovic")
                        .ref("B200")
                        .times("2021-01-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("erp", "B200", "Milan", "Jovanovic", "milan", "jovanovic")
                        .times("2022-01-01T00:00:00Z", null)
                        .values);
        // a household: one email, two people, kept apart by the name guard
        put(
                rows,
                row("crm", "4", "Marko", "Nikolić", "marko", "nikolic")
                        .email("nikolic.family@example.com")
                        .times("2020-01-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("crm", "5", "Jelena", "Nikolić", "jelena", "nikolic")
                        .email("nikolic.family@example.com")
                        .times("2020-01-02T00:00:00Z", null)
                        .values);
        // Bob twice, with nothing in common yet
        put(
                rows,
                row("crm", "10", "Bob", "Marić", "bob", "maric")
                        .email("bob@maric.example")
                        .times("2020-02-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("shop", "20", "Bob", "Marić", "bob", "maric")
                        .phone("+381642222222")
                        .times("2020-03-01T00:00:00Z", null)
                        .values);
        // Zoran: the CRM has an old address, the ERP the current one
        put(
                rows,
                row("crm", "30", "Zoran", "Lukić", "zoran", "lukic")
                        .email("zoran@old.example")
                        .times("2020-04-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("erp", "Z1", "Zoran", "Lukić", "zoran", "lukic")
                        .email("zoran@new.example")
                        .times("2020-05-01T00:00:00Z", null)
                        .values);
        // Vera: linked by an email the CRM will correct
        put(
                rows,
                row("crm", "40", "Vera", "Simić", "vera", "simic")
                        .email("vera@simic.example")
                        .times("2020-06-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("erp", "V40", "Vera", "Simić", "vera", "simic")
                        .email("vera@simic.example")
                        .times("2020-07-01T00:00:00Z", null)
                        .values);
        // Dragan: two records that agree on everything but contact details
        put(
                rows,
                row("crm", "70", "Dragan", "Kovač", "dragan", "kovac")
                        .email("dragan.kovac@mail.example")
                        .address("Bulevar Oslobođenja 12", "Novi Sad", "21000", "RS")
                        .born(LocalDate.of(1985, 3, 3))
                        .times("2018-06-01T00:00:00Z", null)
                        .values);
        put(
                rows,
                row("erp", "K70", "Dragan", "Kovač", "dragan", "kovac")
                        .phone("+381213333333")
                        .address("Bulevar Oslobođenja 12", "Novi Sad", "21000", "RS")
                        .born(LocalDate.of(1985, 3, 3))
                        .times("2018-07-01T00:00:00Z", null)
                        .values);
        for (int person = 0; person < UNTOUCHED_PEOPLE; person++) {
            String email = "person" + person + "@example.net";
            put(
                    rows,
                    row("crm", "P" + person, "Person", "Number" + person, "person", "number" + person)
                            .email(email)
                            .times("2019-01-01T00:00:00Z", null)
                            .values);
            put(
                    rows,
                    row("erp", "P" + person, "Person", "Number" + person, "person", "number" + person)
                            .email(email)
                            .phone("+38160" + (1000000 + person))
                            .times("2019-02-01T00:00:00Z", null)
                            .values);
        }
        return rows;
    }

    /** The first batch after the second was ingested: new, matching, updated and deleted records. */
    private static Collection<Map<String, Object>> bothBatches() {
        Map<String, Map<String, Object>> rows = firstBatch();
        String ingested = "2024-06-01T00:00:00Z";
        // new people
        put(
                rows,
                row("crm", "50", "Nina", "Đorđević", "nina", "djordjevic")
                        .email("nina@example.rs")
                        .times("2024-05-10T00:00:00Z", null)
                        .ingested(ingested, "run-2")
                        .values);
        put(
                rows,
                row("shop", "51", "Nina", "Djordjevic", "nina", "djordjevic")
                        .email("nina@example.rs")
                        .times("2024-05-11T00:00:00Z", null)
                        .ingested(ingested, "run-2")
                        .values);
        // a new record of an existing customer
        put(
                rows,
                row("shop", "60", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana.petrovic@example.com")
                        .times("2024-05-12T00:00:00Z", null)
                        .ingested(ingested, "run-2")
                        .values);
        // a new record that merges two existing customers: Bob's email and Bob's phone
        put(
                rows,
                row("shop", "21", "Bob", "Marić", "bob", "maric")
                        .email("bob@maric.example")
                        .phone("+381642222222")
                        .times("2024-05-13T00:00:00Z", null)
                        .ingested(ingested, "run-2")
                        .values);
        // updated: Zoran's CRM record now has the current address, Vera's a corrected one
        put(
                rows,
                row("crm", "30", "Zoran", "Lukić", "zoran", "lukic")
                        .email("zoran@new.example")
                        .times("2020-04-01T00:00:00Z", "2024-05-14T00:00:00Z")
                        .ingested(ingested, "run-2")
                        .values);
        put(
                rows,
                row("crm", "40", "Vera", "Simić", "vera", "simic")
                        .email("vera.simic@example.org")
                        .times("2020-06-01T00:00:00Z", "2024-05-15T00:00:00Z")
                        .ingested(ingested, "run-2")
                        .values);
        // Dragan again, by probability only: nothing in common but name, birth date and address
        put(
                rows,
                row("shop", "71", "Dragan", "Kovač", "dragan", "kovac")
                        .email("dkovac@shop.example")
                        .address("Bulevar Oslobođenja 12", "Novi Sad", "21000", "RS")
                        .born(LocalDate.of(1985, 3, 3))
                        .times("2024-05-16T00:00:00Z", null)
                        .ingested(ingested, "run-2")
                        .values);
        // re-ingested without a change: a new ingested_at, the same content, not matched again
        Map<String, Object> milan = new LinkedHashMap<>(rows.get("erp/B200"));
        milan.put("ingested_at", IdentityJobIT.utc(ingested));
        milan.put("ingest_run_id", "run-2");
        rows.put("erp/B200", milan);
        // deleted: Ana's old shop record
        rows.remove("shop/7");
        return rows.values();
    }

    private static void put(Map<String, Map<String, Object>> rows, Map<String, Object> values) {
        rows.put(values.get("source") + "/" + values.get("source_id"), values);
    }
}
