package dev.rapport.identity.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.identity.cluster.CustomerIdRule;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IdentityJobIT {

    private static final Instant RESOLVED_AT = Instant.parse("2024-06-01T12:00:00Z");

    /** Keeps the metrics of finished jobs, so a test can read the counters a run published. */
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(4)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .build());

    @TempDir
    Path dir;

    private CatalogConfig catalog;

    /** Max block size 2, so the three records behind one switchboard phone are over the cap. */
    private final IdentityConfig config = IdentityConfig.fromMap(Map.of("max_block_size", 2), "identity");

    @BeforeEach
    void writeCustomerRecords() throws IOException {
        catalog = CatalogConfig.embedded(dir);
        List<Map<String, Object>> rows = List.of(
                // Ana: CRM and ERP share an email, the web shop shares the CRM phone
                row("crm", "1", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana.petrovic@example.com")
                        .phone("+381641111111")
                        .address("Knez Mihailova 1", "Beograd", "11000", "RS")
                        .times("2020-01-01T00:00:00Z", "2023-01-01T00:00:00Z")
                        .values,
                row("erp", "A100", "Ana", "Petrovic", "ana", "petrovic")
                        .email("ana.petrovic@example.com")
                        .company("Petrović d.o.o.")
                        .times("2019-05-01T00:00:00Z", "2024-02-01T00:00:00Z")
                        .values,
                row("shop", "7", "Ana", null, "ana", null)
                        .email("ana.p@example.org")
                        .phone("+381641111111")
                        .times("2021-03-01T00:00:00Z", "2022-01-01T00:00:00Z")
                        .values,
                // Milan: the CRM holds his ERP account number
                row("crm", "3", "Milan", "Jovanović", "milan", "jovanovic")
                        .email("milan@jovanovic.example")
                        .ref("B200")
                        .times("2021-01-01T00:00:00Z", null)
                        .values,
                row("erp", "B200", "Milan", "Jovanovic", "milan", "jovanovic")
                        .times("2022-01-01T00:00:00Z", null)
                        .values,
                // a household: one email, two people
                row("crm", "4", "Marko", "Nikolić", "marko", "nikolic")
                        .email("nikolic.family@example.com")
                        .times("2020-01-01T00:00:00Z", null)
                        .values,
                row("crm", "5", "Jelena", "Nikolić", "jelena", "nikolic")
                        .email("nikolic.family@example.com")
                        .times("2020-01-02T00:00:00Z", null)
                        .values,
                // a shared info@ mailbox and a switchboard phone: three colleagues, never linked
                row("erp", "C1", "Petar", "Ilić", "petar", "ilic")
                        .email("info@firma.example")
                        .phone("+381111234567")
                        .times("2018-01-01T00:00:00Z", null)
                        .values,
                row("erp", "C2", "Milica", "Ilić", "milica", "ilic")
                        .email("info@firma.example")
                        .phone("+381111234567")
                        .times("2018-02-01T00:00:00Z", null)
                        .values,
                row("crm", "6", "Zoran", "Ilić", "zoran", "ilic")
                        .email("info@firma.example")
                        .phone("+381111234567")
                        .times("2018-03-01T00:00:00Z", null)
                        .values);
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            append(tables.ensure(RapportTables.CUSTOMER_RECORDS), rows);
        }
    }

    @Test
    void resolvesCustomersAndWritesMapAndProfiles() throws Exception {
        JobExecutionResult result = run(2);

        Map<String, String> customerOf = identityMap().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().customerId()));
        Map<String, String> ruleOf = identityMap().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().matchRule()));

        String ana = CustomerIdRule.customerIdOf(recordId("erp", "A100"));
        assertThat(customerOf)
                .containsEntry("crm/1", ana)
                .containsEntry("erp/A100", ana)
                .containsEntry("shop/7", ana);
        assertThat(ruleOf)
                .containsEntry("crm/1", "email")
                .containsEntry("erp/A100", "email")
                .containsEntry("shop/7", "phone");

        String milan = CustomerIdRule.customerIdOf(recordId("crm", "3"));
        assertThat(customerOf).containsEntry("crm/3", milan).containsEntry("erp/B200", milan);
        assertThat(ruleOf)
                .containsEntry("crm/3", "source_customer_ref")
                .containsEntry("erp/B200", "source_customer_ref");

        for (String alone : List.of("crm/4", "crm/5", "erp/C1", "erp/C2", "crm/6")) {
            String[] key = alone.split("/");
            assertThat(customerOf).containsEntry(alone, CustomerIdRule.customerIdOf(recordId(key[0], key[1])));
            assertThat(ruleOf).containsEntry(alone, "singleton");
        }
        assertThat(customerOf).hasSize(10);
        assertThat(Set.copyOf(customerOf.values())).hasSize(7);

        Map<String, Record> profiles = profiles();
        assertThat(profiles).hasSize(7);
        Record anaProfile = profiles.get(ana);
        assertThat(anaProfile.getField("first_name")).isEqualTo("Ana");
        assertThat(anaProfile.getField("last_name")).isEqualTo("Petrovic");
        assertThat(anaProfile.getField("email")).isEqualTo("ana.petrovic@example.com");
        assertThat(anaProfile.getField("emails")).isEqualTo(List.of("ana.petrovic@example.com", "ana.p@example.org"));
        assertThat(anaProfile.getField("phones")).isEqualTo(List.of("+381641111111"));
        assertThat(anaProfile.getField("street")).isEqualTo("Knez Mihailova 1");
        assertThat(anaProfile.getField("city")).isEqualTo("Beograd");
        assertThat(anaProfile.getField("company")).isEqualTo("Petrović d.o.o.");
        assertThat(anaProfile.getField("birth_date")).isEqualTo(LocalDate.of(1990, 4, 12));
        assertThat(anaProfile.getField("sources")).isEqualTo(List.of("crm", "erp", "shop"));
        assertThat(anaProfile.getField("record_count")).isEqualTo(3);
        assertThat(anaProfile.getField("first_seen")).isEqualTo(utc("2019-05-01T00:00:00Z"));
        assertThat(anaProfile.getField("last_updated")).isEqualTo(utc("2024-02-01T00:00:00Z"));
        assertThat(anaProfile.getField("resolved_at")).isEqualTo(RESOLVED_AT.atOffset(ZoneOffset.UTC));
        assertThat(profiles.get(milan).getField("record_count")).isEqualTo(2);
        assertThat(profiles.get(milan).getField("last_updated")).isNull();

        // deterministic evidence: the shared identifier and the name guard's result, no weights
        Map<String, Record> evidence = evidenceByPair();
        Record anaEmail = evidence.get(pair("crm/1", "erp/A100") + " email");
        assertThat(anaEmail.getField("match_rule")).isEqualTo("email");
        assertThat(anaEmail.getField("field_levels")).isEqualTo(Map.of("email", "exact", "name", "exact"));
        assertThat(anaEmail.getField("field_weights")).isNull();
        assertThat(anaEmail.getField("total_weight")).isNull();
        assertThat(anaEmail.getField("prior_weight")).isNull();
        assertThat(evidence.get(pair("crm/1", "shop/7") + " phone").getField("field_levels"))
                .isEqualTo(Map.of("phone", "exact", "name", "exact"));
        assertThat(evidence.get(pair("crm/3", "erp/B200") + " source_customer_ref")
                        .getField("field_levels"))
                .isEqualTo(Map.of("source_customer_ref", "exact", "name", "exact"));

        IdentityReport report = IdentityJob.report(result);
        assertThat(report.records()).isEqualTo(10);
        assertThat(report.customers()).isEqualTo(7);
        // probabilistic matching may add links inside the same customers; the customer count above is what counts
        assertThat(report.linksByRule())
                .containsAllEntriesOf(Map.of("email", 1L, "phone", 1L, "source_customer_ref", 1L));
        assertThat(report.largestCluster()).isEqualTo(3);
        assertThat(report.blocksOverCap()).isEqualTo(1);
        // Ana's three records and Milan's two
        assertThat(report.matchedRecords()).isEqualTo(5);
        assertThat(report.clusterSizes())
                .extracting(IdentityReport.SizeClassCount::sizes)
                .containsExactly("1", "2", "3-5", "6-10", "11-100", "101-1000", "1001+");
        assertThat(report.clusterSizes())
                .extracting(IdentityReport.SizeClassCount::customers)
                .containsExactly(5L, 1L, 1L, 0L, 0L, 0L, 0L);
        assertThat(report.clusterSizes().stream()
                        .mapToLong(IdentityReport.SizeClassCount::customers)
                        .sum())
                .isEqualTo(report.customers());
        assertThat(report.clusterSizes().stream()
                        .mapToLong(IdentityReport.SizeClassCount::records)
                        .sum())
                .isEqualTo(report.records());
        assertThat(report.refusedLinks()).isZero();

        // the same counts per source, as the metrics Prometheus exposes
        assertThat(sourceCounters(result, "matched")).isEqualTo(Map.of("crm", 2L, "erp", 2L, "shop", 1L));
        assertThat(sourceCounters(result, "resolved")).isEqualTo(Map.of("crm", 5L, "erp", 4L, "shop", 1L));
    }

    @Test
    void theMostTrustedSourceWinsOverAMoreRecentRecord() throws Exception {
        IdentityConfig trustShop = IdentityConfig.fromMap(
                Map.of(
                        "max_block_size",
                        2,
                        "survivorship",
                        Map.of(
                                "source_trust",
                                Map.of("shop", 3, "crm", 2, "erp", 1),
                                "default",
                                "trust",
                                "fields",
                                Map.of("name", "recency"))),
                "identity");

        run(2, trustShop, RESOLVED_AT);

        Record ana = profiles().get(CustomerIdRule.customerIdOf(recordId("erp", "A100")));
        // the shop record was updated in 2022, the CRM's in 2023 and the ERP's in 2024: the shop is trusted most
        assertThat(ana.getField("email")).isEqualTo("ana.p@example.org");
        assertThat(ana.getField("emails")).isEqualTo(List.of("ana.p@example.org", "ana.petrovic@example.com"));
        // the shop, trusted most, has no address: the CRM's
        assertThat(ana.getField("street")).isEqualTo("Knez Mihailova 1");
        // only the least trusted ERP has a company and a birth date
        assertThat(ana.getField("company")).isEqualTo("Petrović d.o.o.");
        assertThat(ana.getField("birth_date")).isEqualTo(LocalDate.of(1990, 4, 12));
        // name: recency overrides the default: the ERP's, as without a policy
        assertThat(ana.getField("last_name")).isEqualTo("Petrovic");
        assertThat(ana.getField("full_name")).isEqualTo("Ana Petrovic");
        assertThat(ana.getField("sources")).isEqualTo(List.of("crm", "erp", "shop"));
        assertThat(ana.getField("last_updated")).isEqualTo(utc("2024-02-01T00:00:00Z"));
    }

    /** A per-source counter of the run's golden-profile operator, summed over its subtasks. */
    private static Map<String, Long> sourceCounters(JobExecutionResult result, String counter) {
        Map<String, Long> bySource = new TreeMap<>();
        String jobId = result.getJobID().toString();
        METRICS.getMetricsByGroup().forEach((group, metrics) -> {
            Map<String, String> variables = group.getAllVariables();
            String source = variables.get("<source>");
            if (source != null && jobId.equals(variables.get("<job_id>")) && metrics.containsKey(counter)) {
                bySource.merge(source, ((Counter) metrics.get(counter)).getCount(), Long::sum);
            }
        });
        return bySource;
    }

    @Test
    void aRerunLeavesTheSameRows() throws Exception {
        run(2);
        Map<String, IdentityRow> first = identityMap();
        Map<String, Record> firstProfiles = profiles();

        run(2);

        assertThat(identityMap()).isEqualTo(first);
        assertThat(profiles()).isEqualTo(firstProfiles);
    }

    @Test
    void theResultDoesNotDependOnParallelism() throws Exception {
        run(1);
        Map<String, IdentityRow> atOne = identityMap();
        Map<String, Record> profilesAtOne = profiles();
        List<String> evidenceAtOne = rows(RapportTables.MATCH_EVIDENCE.qualifiedName());
        List<String> historyAtOne = rows(RapportTables.IDENTITY_HISTORY.qualifiedName());

        for (int parallelism : new int[] {2, 4}) {
            deleteAll(RapportTables.IDENTITY_MAP);
            deleteAll(RapportTables.IDENTITY_HISTORY);
            run(parallelism);

            assertThat(identityMap()).as("at parallelism %d", parallelism).isEqualTo(atOne);
            assertThat(profiles()).as("at parallelism %d", parallelism).isEqualTo(profilesAtOne);
            assertThat(rows(RapportTables.MATCH_EVIDENCE.qualifiedName())).isEqualTo(evidenceAtOne);
            assertThat(rows(RapportTables.IDENTITY_HISTORY.qualifiedName())).isEqualTo(historyAtOne);
        }
        assertThat(atOne).hasSize(10);
        // 3 links for Ana, Milan's reference link, at least
        assertThat(evidenceAtOne).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aFirstRunRecordsEveryCustomerAsNewAndARerunRecordsNothing() throws Exception {
        run(2);
        List<Record> history = readAll(RapportTables.IDENTITY_HISTORY.qualifiedName());
        assertThat(history).hasSize(7).allSatisfy(event -> assertThat(event.getField("event"))
                .isEqualTo("new"));
        assertThat(history.stream().map(event -> event.getField("customer_id")))
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(identityMap().values().stream()
                        .map(IdentityRow::customerId)
                        .toList()));

        run(2);

        assertThat(readAll(RapportTables.IDENTITY_HISTORY.qualifiedName())).hasSize(7);
    }

    @Test
    void aMergeKeepsTheOlderIdAndASplitLeavesTheIdWithTheLargerPart() throws Exception {
        IdentityConfig deterministic = new IdentityConfig(
                IdentityConfig.RULES_DEFAULT,
                50,
                IdentityConfig.GENERIC_MAILBOXES_DEFAULT,
                new dev.rapport.identity.config.ProbabilisticConfig(false, 0.95, 200));
        replaceRecords(List.of(
                row("crm", "a1", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana@one.example")
                        .phone("+381641111111")
                        .times("2019-01-01T00:00:00Z", null)
                        .values,
                row("shop", "a2", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana@two.example")
                        .times("2020-01-01T00:00:00Z", null)
                        .values,
                sara("s1", "+381652222222", "2018-01-01T00:00:00Z"),
                sara("s2", "+381652222222", "2021-01-01T00:00:00Z"),
                sara("s3", "+381652222222", "2022-01-01T00:00:00Z")));
        run(2, deterministic, RESOLVED_AT);
        String anaOne = CustomerIdRule.customerIdOf(recordId("crm", "a1"));
        String anaTwo = CustomerIdRule.customerIdOf(recordId("shop", "a2"));
        String sara = CustomerIdRule.customerIdOf(recordId("crm", "s1"));
        assertThat(identityMap().get("shop/a2").customerId()).isEqualTo(anaTwo);
        assertThat(identityMap().get("crm/s3").customerId()).isEqualTo(sara);

        // a new web record shares a2's email and a1's phone: one Ana; s1 changed its phone: it leaves Sara
        replaceRecords(List.of(
                row("crm", "a1", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana@one.example")
                        .phone("+381641111111")
                        .times("2019-01-01T00:00:00Z", null)
                        .values,
                row("shop", "a2", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana@two.example")
                        .times("2020-01-01T00:00:00Z", null)
                        .values,
                row("web", "a3", "Ana", "Petrović", "ana", "petrovic")
                        .email("ana@two.example")
                        .phone("+381641111111")
                        .times("2024-01-01T00:00:00Z", null)
                        .values,
                sara("s1", "+381659999999", "2018-01-01T00:00:00Z"),
                sara("s2", "+381652222222", "2021-01-01T00:00:00Z"),
                sara("s3", "+381652222222", "2022-01-01T00:00:00Z")));
        Instant second = RESOLVED_AT.plusSeconds(3600);
        run(2, deterministic, second);

        Map<String, IdentityRow> map = identityMap();
        assertThat(map.get("crm/a1").customerId()).isEqualTo(anaOne);
        assertThat(map.get("shop/a2").customerId()).isEqualTo(anaOne);
        assertThat(map.get("web/a3").customerId()).isEqualTo(anaOne);
        assertThat(map.get("crm/s2").customerId()).isEqualTo(sara);
        assertThat(map.get("crm/s3").customerId()).isEqualTo(sara);
        String splitOff = map.get("crm/s1").customerId();
        assertThat(splitOff).isNotEqualTo(sara).isNotEqualTo(anaOne).isNotEqualTo(anaTwo);

        List<Record> changes = readAll(RapportTables.IDENTITY_HISTORY.qualifiedName()).stream()
                .filter(event -> event.getField("event_time").equals(second.atOffset(ZoneOffset.UTC)))
                .toList();
        assertThat(changes).hasSize(2);
        Record merge = changes.stream()
                .filter(event -> "merge".equals(event.getField("event")))
                .findFirst()
                .orElseThrow();
        assertThat(merge.getField("customer_id")).isEqualTo(anaOne);
        assertThat(merge.getField("other_customer_id")).isEqualTo(anaTwo);
        assertThat((String) merge.getField("reason")).contains(anaTwo, anaOne, "email", "phone");
        Record split = changes.stream()
                .filter(event -> "split".equals(event.getField("event")))
                .findFirst()
                .orElseThrow();
        assertThat(split.getField("customer_id")).isEqualTo(splitOff);
        assertThat(split.getField("other_customer_id")).isEqualTo(sara);
        assertThat(split.getField("record_count")).isEqualTo(1);
        assertThat(profiles()).containsOnlyKeys(anaOne, sara, splitOff);
    }

    @Test
    void aChainOfLinksDoesNotJoinTwoPeopleWithDifferentNationalIds() throws Exception {
        IdentityConfig deterministic = new IdentityConfig(
                IdentityConfig.RULES_DEFAULT,
                50,
                IdentityConfig.GENERIC_MAILBOXES_DEFAULT,
                new dev.rapport.identity.config.ProbabilisticConfig(false, 0.95, 200));
        // two namesakes; the web record shares the first one's email and the second one's phone
        replaceRecords(List.of(
                row("crm", "n1", "Ivan", "Popović", "ivan", "popovic")
                        .email("ivan.popovic@example.com")
                        .identity("1203975710123", LocalDate.of(1975, 3, 12))
                        .times("2019-01-01T00:00:00Z", null)
                        .values,
                row("web", "n2", "Ivan", "Popović", "ivan", "popovic")
                        .email("ivan.popovic@example.com")
                        .phone("+381643333333")
                        .times("2020-01-01T00:00:00Z", null)
                        .values,
                row("erp", "n3", "Ivan", "Popović", "ivan", "popovic")
                        .phone("+381643333333")
                        .identity("0507990710456", LocalDate.of(1990, 7, 5))
                        .times("2021-01-01T00:00:00Z", null)
                        .values));

        Map<Integer, Map<String, IdentityRow>> byParallelism = new TreeMap<>();
        for (int parallelism : new int[] {1, 2, 4}) {
            deleteAll(RapportTables.IDENTITY_MAP);
            deleteAll(RapportTables.IDENTITY_HISTORY);
            IdentityReport report = IdentityJob.report(run(parallelism, deterministic, RESOLVED_AT));

            // email is preferred to phone: the email link is applied, the phone link would join the two ids
            assertThat(report.refusedLinks())
                    .as("at parallelism %d", parallelism)
                    .isEqualTo(1);
            assertThat(report.customers()).isEqualTo(2);
            assertThat(report.clusterSizes())
                    .extracting(IdentityReport.SizeClassCount::customers)
                    .containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L);
            assertThat(report.clusterSizes())
                    .extracting(IdentityReport.SizeClassCount::records)
                    .containsExactly(1L, 2L, 0L, 0L, 0L, 0L, 0L);
            byParallelism.put(parallelism, identityMap());
        }
        Map<String, IdentityRow> map = byParallelism.get(1);
        assertThat(map.get("web/n2").customerId()).isEqualTo(map.get("crm/n1").customerId());
        assertThat(map.get("erp/n3").customerId())
                .isNotEqualTo(map.get("crm/n1").customerId());
        assertThat(map.get("erp/n3").matchRule()).isEqualTo("singleton");
        assertThat(byParallelism.get(2)).isEqualTo(map);
        assertThat(byParallelism.get(4)).isEqualTo(map);
    }

    @Test
    void aRecordItsSourceDeletedJoinsNoCustomer() throws Exception {
        IdentityConfig deterministic = new IdentityConfig(
                IdentityConfig.RULES_DEFAULT,
                50,
                IdentityConfig.GENERIC_MAILBOXES_DEFAULT,
                new dev.rapport.identity.config.ProbabilisticConfig(false, 0.95, 200));
        // the ERP deleted its record of Mila; it shares her email, and the phone only it had is gone with it
        replaceRecords(List.of(
                row("crm", "d1", "Mila", "Jović", "mila", "jovic")
                        .email("mila.jovic@example.com")
                        .times("2019-01-01T00:00:00Z", null)
                        .values,
                row("erp", "d2", "Mila", "Jović", "mila", "jovic")
                        .email("mila.jovic@example.com")
                        .phone("+381641111111")
                        .times("2020-01-01T00:00:00Z", null)
                        .deleted("2021-01-01T00:00:00Z")
                        .values));
        deleteAll(RapportTables.IDENTITY_MAP);
        deleteAll(RapportTables.IDENTITY_HISTORY);

        IdentityReport report = IdentityJob.report(run(2, deterministic, RESOLVED_AT));

        assertThat(report.records()).isEqualTo(1);
        assertThat(report.deletedRecords()).isEqualTo(1);
        Map<String, IdentityRow> map = identityMap();
        assertThat(map).containsOnlyKeys("crm/d1");
        assertThat(map.get("crm/d1").matchRule()).isEqualTo("singleton");
    }

    @Test
    void probabilisticEvidenceHasEveryFieldsLevelAndWeightSummingToTheProbability() throws Exception {
        String[][] people = {
            {"Jovana", "Stankovic"}, {"Dragan", "Milenkovic"}, {"Ivana", "Markovic"}, {"Nenad", "Radovanovic"},
            {"Tamara", "Kostic"}, {"Bojan", "Pavlovic"}, {"Milica", "Djordjevic"}, {"Stefan", "Lazarevic"},
            {"Katarina", "Todorovic"}, {"Nikola", "Stojanovic"}, {"Marija", "Ristic"}, {"Vladimir", "Popovic"},
            {"Snezana", "Jankovic"}, {"Aleksandar", "Vasic"}, {"Gordana", "Ilic"}, {"Dusan", "Zivkovic"},
            {"Biljana", "Mitrovic"}, {"Zeljko", "Savic"}, {"Dragana", "Obradovic"}, {"Goran", "Nikolic"}
        };
        String[] cities = {"Beograd", "Novi Sad", "Nis", "Kragujevac", "Subotica"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            String given = people[i][0];
            String family = people[i][1];
            LocalDate born = LocalDate.of(1960 + i, 1 + i % 12, 3 + i);
            String city = cities[i % cities.length];
            String postcode = String.valueOf(11000 + 1000 * (i % cities.length));
            String street = "Ulica " + (i + 1);
            // the shop spells every other given name with a doubled letter; the emails never agree
            String shopGiven = i % 2 == 0 ? given : given.substring(0, 2) + given.substring(1);
            rows.add(row("crm", "p" + i, given, family, key(given), key(family))
                    .email(key(given) + "." + key(family) + "@crm.example")
                    .born(born)
                    .home(street, city, postcode)
                    .times("2020-01-01T00:00:00Z", null)
                    .values);
            rows.add(row("shop", "p" + i, shopGiven, family, key(shopGiven), key(family))
                    .email(key(family) + i + "@shop.example")
                    .born(born)
                    .home(street, city, postcode)
                    .times("2021-01-01T00:00:00Z", null)
                    .values);
        }
        replaceRecords(rows);

        run(2);

        List<Record> probabilistic = readAll(RapportTables.MATCH_EVIDENCE.qualifiedName()).stream()
                .filter(row -> "probabilistic".equals(row.getField("match_rule")))
                .toList();
        assertThat(probabilistic).hasSizeGreaterThanOrEqualTo(people.length / 2);
        List<String> fields =
                Arrays.stream(MatchField.values()).map(MatchField::column).toList();
        for (Record row : probabilistic) {
            @SuppressWarnings("unchecked")
            Map<String, String> levels = (Map<String, String>) row.getField("field_levels");
            @SuppressWarnings("unchecked")
            Map<String, Double> weights = (Map<String, Double>) row.getField("field_weights");
            assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(fields);
            assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(fields);
            levels.forEach((field, level) -> {
                if (level.equals("missing")) {
                    assertThat(weights.get(field)).as(field).isZero();
                }
            });
            double prior = (Double) row.getField("prior_weight");
            double total = (Double) row.getField("total_weight");
            double sum =
                    weights.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(total).isCloseTo(prior + sum, within(1e-9));
            double probability = (Double) row.getField("probability");
            assertThat(probability).isGreaterThanOrEqualTo(0.95);
            assertThat(1 / (1 + Math.pow(2, -total))).isCloseTo(probability, within(1e-9));
        }

        Map<String, Record> evidence = evidenceByPair();
        Record same = evidence.get(pair("crm/p0", "shop/p0") + " probabilistic");
        assertThat(same).isNotNull();
        assertThat(same.getField("field_levels"))
                .isEqualTo(Map.of(
                        "given_name", "exact",
                        "family_name", "exact",
                        "birth_date", "exact",
                        "national_id", "missing",
                        "email", "different",
                        "phone", "missing",
                        "postcode", "exact",
                        "city", "exact",
                        "street", "exact"));
        @SuppressWarnings("unchecked")
        Map<String, Double> weights = (Map<String, Double>) same.getField("field_weights");
        assertThat(weights.get("birth_date")).isPositive();
        assertThat(weights.get("family_name")).isPositive();
        Record typo = evidence.get(pair("crm/p1", "shop/p1") + " probabilistic");
        assertThat(typo).isNotNull();
        assertThat(((Map<?, ?>) typo.getField("field_levels")).get("given_name"))
                .isEqualTo("close_or_nickname");
    }

    /** match_evidence rows by their two records' "source/source_id" (sorted, joined by " ~ ") and rule. */
    private Map<String, Record> evidenceByPair() throws IOException {
        Map<String, String> keyOf = new TreeMap<>();
        for (Record row : readAll(RapportTables.IDENTITY_MAP.qualifiedName())) {
            keyOf.put((String) row.getField("record_id"), row.getField("source") + "/" + row.getField("source_id"));
        }
        Map<String, Record> byPair = new TreeMap<>();
        for (Record row : readAll(RapportTables.MATCH_EVIDENCE.qualifiedName())) {
            byPair.put(
                    pair(keyOf.get((String) row.getField("record_id")), keyOf.get((String)
                                    row.getField("other_record_id")))
                            + " " + row.getField("match_rule"),
                    row);
        }
        return byPair;
    }

    private static String pair(String one, String other) {
        return one.compareTo(other) <= 0 ? one + " ~ " + other : other + " ~ " + one;
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> sara(String sourceId, String phone, String createdAt) {
        return row("crm", sourceId, "Sara", "Kovač", "sara", "kovac")
                .phone(phone)
                .times(createdAt, null)
                .values;
    }

    private void replaceRecords(List<Map<String, Object>> rows) throws IOException {
        deleteAll(RapportTables.CUSTOMER_RECORDS);
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            append(tables.load(RapportTables.CUSTOMER_RECORDS), rows);
        }
    }

    private void deleteAll(dev.rapport.schemas.table.TableDefinition table) {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            tables.ensure(table)
                    .newDelete()
                    .deleteFromRowFilter(org.apache.iceberg.expressions.Expressions.alwaysTrue())
                    .commit();
        }
    }

    private List<String> rows(String table) throws IOException {
        return readAll(table).stream().map(Record::toString).sorted().toList();
    }

    private JobExecutionResult run(int parallelism) throws Exception {
        return run(parallelism, config, RESOLVED_AT);
    }

    private JobExecutionResult run(int parallelism, IdentityConfig config, Instant resolvedAt) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);
        new IdentityJob(catalog, config, resolvedAt).build(env);
        return env.execute("identity resolution test");
    }

    record IdentityRow(String recordId, String customerId, String matchRule, Double probability, Object resolvedAt) {}

    /** identity_map by "source/source_id"; fails on a duplicate key. */
    private Map<String, IdentityRow> identityMap() throws IOException {
        Map<String, IdentityRow> rows = new TreeMap<>();
        for (Record record : readAll(RapportTables.IDENTITY_MAP.qualifiedName())) {
            String key = record.getField("source") + "/" + record.getField("source_id");
            IdentityRow row = new IdentityRow(
                    (String) record.getField("record_id"),
                    (String) record.getField("customer_id"),
                    (String) record.getField("match_rule"),
                    (Double) record.getField("probability"),
                    record.getField("resolved_at"));
            assertThat(row.probability()).as("%s: %s", key, row).isEqualTo(1.0);
            assertThat(rows.put(key, row)).as("duplicate row for %s", key).isNull();
        }
        return rows;
    }

    private Map<String, Record> profiles() throws IOException {
        Map<String, Record> rows = new TreeMap<>();
        for (Record record : readAll(RapportTables.CUSTOMER_PROFILE.qualifiedName())) {
            assertThat(rows.put((String) record.getField("customer_id"), record))
                    .isNull();
        }
        return rows;
    }

    private List<Record> readAll(String table) throws IOException {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table loaded = tables.load(RapportTables.find(table).orElseThrow());
            List<Record> rows = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    IcebergGenerics.read(loaded).build()) {
                records.forEach(record -> rows.add(record.copy()));
            }
            rows.sort(Comparator.comparing(Record::toString));
            return rows;
        }
    }

    static OffsetDateTime utc(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    /** A record id as ingestion makes it: SHA-256 over source and source id, 16 bytes, hex. */
    static String recordId(String source, String sourceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RowBuilder row(
            String source, String sourceId, String firstName, String lastName, String firstKey, String lastKey) {
        return new RowBuilder(source, sourceId, firstName, lastName, firstKey, lastKey);
    }

    /** A customer_records row, field by field; unset optional fields stay null. */
    static final class RowBuilder {
        final Map<String, Object> values = new LinkedHashMap<>();

        RowBuilder(String source, String sourceId, String firstName, String lastName, String firstKey, String lastKey) {
            values.put("record_id", recordId(source, sourceId));
            values.put("source", source);
            values.put("source_id", sourceId);
            values.put("first_name", firstName);
            values.put("last_name", lastName);
            values.put("first_name_key", firstKey);
            values.put("last_name_key", lastKey);
            values.put("source_location", source + ".csv:" + sourceId);
            values.put("ingested_at", utc("2024-05-01T00:00:00Z"));
            values.put("ingest_run_id", "run-1");
            if ("Ana".equals(firstName) && "erp".equals(source)) {
                values.put("birth_date", LocalDate.of(1990, 4, 12));
            }
        }

        RowBuilder email(String email) {
            values.put("email", email);
            values.put("email_key", email);
            return this;
        }

        RowBuilder phone(String phone) {
            values.put("phone", phone);
            values.put("phone_e164", phone);
            return this;
        }

        RowBuilder address(String street, String city, String postcode, String country) {
            values.put("street", street);
            values.put("city", city);
            values.put("postcode", postcode);
            values.put("country", country);
            return this;
        }

        RowBuilder identity(String nationalId, LocalDate birthDate) {
            values.put("national_id", nationalId);
            values.put("birth_date", birthDate);
            return this;
        }

        RowBuilder born(LocalDate birthDate) {
            values.put("birth_date", birthDate);
            return this;
        }

        RowBuilder home(String street, String city, String postcode) {
            values.put("street", street);
            values.put("city", city);
            values.put("postcode", postcode);
            values.put("postcode_key", postcode);
            return this;
        }

        RowBuilder company(String company) {
            values.put("company", company);
            return this;
        }

        RowBuilder ref(String ref) {
            values.put("source_customer_ref", ref);
            return this;
        }

        /** When and by which run ingestion wrote the row; a re-ingested row gets a new time. */
        RowBuilder ingested(String ingestedAt, String runId) {
            values.put("ingested_at", utc(ingestedAt));
            values.put("ingest_run_id", runId);
            return this;
        }

        /** Deleted by its source (a change-data-capture delete) at {@code deletedAt}. */
        RowBuilder deleted(String deletedAt) {
            values.put("deleted_at", utc(deletedAt));
            return this;
        }

        RowBuilder times(String createdAt, String updatedAt) {
            values.put("created_at", utc(createdAt));
            if (updatedAt != null) {
                values.put("updated_at", utc(updatedAt));
            }
            return this;
        }
    }

    /** One Parquet file per source partition, appended in one commit. */
    static void append(Table table, List<Map<String, Object>> rows) throws IOException {
        Map<String, List<Record>> bySource = new TreeMap<>();
        for (Map<String, Object> values : rows) {
            GenericRecord record = GenericRecord.create(table.schema());
            values.forEach(record::setField);
            bySource.computeIfAbsent((String) values.get("source"), source -> new ArrayList<>())
                    .add(record);
        }
        org.apache.iceberg.AppendFiles append = table.newAppend();
        GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        for (Map.Entry<String, List<Record>> partition : bySource.entrySet()) {
            PartitionKey key = new PartitionKey(table.spec(), table.schema());
            key.partition(wrapper.wrap(partition.getValue().get(0)));
            OutputFile file = table.io()
                    .newOutputFile(table.locationProvider()
                            .newDataLocation(table.spec(), key, partition.getKey() + ".parquet"));
            FileAppender<Record> appender = factory.newAppender(file, FileFormat.PARQUET);
            try (appender) {
                appender.addAll(partition.getValue());
            }
            DataFile dataFile = DataFiles.builder(table.spec())
                    .withInputFile(file.toInputFile())
                    .withMetrics(appender.metrics())
                    .withFormat(FileFormat.PARQUET)
                    .withPartition(key)
                    .build();
            append.appendFile(dataFile);
        }
        append.commit();
    }
}
