package dev.rapport.metrics.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetricsJob} once on a MiniCluster over one hand-made fixture (surveys, email
 * events, support tickets, customer records and an identity map) and checks every row of every
 * metric table against the same numbers computed here in plain Java, from the definitions in the
 * SQL files' headers. Expected values are also hand-checked for the cases that motivate a rule.
 */
class ExperienceMetricsIT {

    private static final int PARALLELISM = 2;
    private static final Duration REOPEN_WINDOW = Duration.ofDays(3);
    private static final Instant AS_OF = Instant.parse("2024-03-10T12:00:00Z");

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static Path dataDir;
    private static CatalogConfig catalog;
    private static List<Map<String, Object>> events;
    private static MetricsReport report;

    @BeforeAll
    static void runOnce() throws IOException {
        dataDir = Files.createTempDirectory("experience-metrics-it");
        catalog = CatalogConfig.embedded(dataDir);
        events = fixture();
        append(
                RapportTables.INTERACTIONS,
                events.stream().map(ExperienceMetricsIT::interaction).toList());
        append(RapportTables.CUSTOMER_RECORDS, customerRecords());
        append(RapportTables.IDENTITY_MAP, identityMap());
        MetricsConfig config = MetricsConfig.fromMap(
                Map.of(
                        "sla",
                        Map.of("high", Map.of("first_response", "2h", "resolution", "8h"), "reopen_window", "3d")),
                "metrics");
        report = new MetricsJob(catalog, config).run(tableEnvironment());
        System.out.printf(
                "experience metrics: one run over %d events in %d ms%n",
                events.size(), report.elapsed().toMillis());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    // ---- the fixture ----

    private static List<Map<String, Object>> fixture() {
        List<Map<String, Object>> all = new ArrayList<>();
        // CSAT: c1 answers twice (the later 1 counts), two anonymous answers both count, 6 is off the scale
        all.add(survey("s01", "2024-03-01T09:00:00Z", "CSAT", "web", "checkout", 5, "c1", null, null));
        all.add(survey("s02", "2024-03-01T09:10:00Z", "CSAT", "web", "checkout", 4, "c2", null, null));
        all.add(survey("s03", "2024-03-01T09:20:00Z", "CSAT", "web", "checkout", 2, "c3", null, null));
        all.add(survey("s04", "2024-03-01T09:30:00Z", "CSAT", "web", "checkout", 1, "c1", null, null));
        all.add(survey("s05", "2024-03-01T10:00:00Z", "CSAT", "email", "delivery", 3, null, null, null));
        all.add(survey("s06", "2024-03-01T10:00:00Z", "CSAT", "email", "delivery", 5, null, null, null));
        all.add(survey("s07", "2024-03-02T10:00:00Z", "CSAT", null, "checkout", 6, "c4", null, null));
        all.add(survey("s08", "2024-03-02T11:00:00Z", "CSAT", "app", null, 4, null, "r9", null));
        // CES: 0 is off the scale; c6 answers 6 then 2
        all.add(survey("s10", "2024-03-01T12:00:00Z", "CES", "web", "support", 7, "c1", null, null));
        all.add(survey("s11", "2024-03-01T12:10:00Z", "CES", "web", "support", 5, "c2", null, null));
        all.add(survey("s12", "2024-03-01T12:20:00Z", "CES", "web", "support", 3, "c3", null, null));
        all.add(survey("s13", "2024-03-01T12:30:00Z", "CES", "web", "support", 0, "c5", null, null));
        all.add(survey("s14", "2024-02-28T12:00:00Z", "CES", "app", "support", 6, "c6", null, null));
        all.add(survey("s15", "2024-02-28T13:00:00Z", "CES", "app", "support", 2, "c6", null, null));
        // NPS by language: c2's later 0 (ru) replaces its 9 (en)
        all.add(survey("n01", "2024-03-01T08:00:00Z", "NPS", "web", "checkout", 10, "c1", null, "en"));
        all.add(survey("n02", "2024-03-01T08:10:00Z", "NPS", "web", "checkout", 9, "c2", null, "en"));
        all.add(survey("n03", "2024-03-01T08:20:00Z", "NPS", "web", "checkout", 3, "c3", null, "sr"));
        all.add(survey("n04", "2024-03-01T08:30:00Z", "NPS", "web", "checkout", 7, "c4", null, null));
        all.add(survey("n05", "2024-03-01T08:40:00Z", "NPS", "web", "checkout", 0, "c2", null, "ru"));
        all.add(survey("n06", "2024-03-01T09:00:00Z", "NPS", "email", "delivery", 8, "c7", null, " "));
        int[] scores = {10, 10, 9, 6, 8, 5};
        for (int i = 0; i < scores.length; i++) {
            all.add(survey(
                    "n1" + i,
                    "2024-03-02T0" + i + ":00:00Z",
                    "NPS",
                    "web",
                    "checkout",
                    scores[i],
                    "c" + (i + 1),
                    null,
                    "en"));
        }
        // Email campaign A: r1 opens twice (counted once, on March 1) and clicks twice on March 2;
        // r2 opens first on March 2; machine opens apart; r3 reports spam twice; r4 bounces
        for (String r : List.of("r1", "r2", "r3", "r4")) {
            all.add(email("a-sent-" + r, "2024-03-01T09:00:00Z", "email_sent", "cmpA", r, null));
        }
        for (String r : List.of("r1", "r2", "r3")) {
            all.add(email("a-dlv-" + r, "2024-03-01T09:00:30Z", "email_delivered", "cmpA", r, null));
        }
        all.add(email("a-bnc-r4", "2024-03-01T09:00:40Z", "email_bounce", "cmpA", "r4", null));
        all.add(email("a-mo-r1", "2024-03-01T09:01:00Z", "email_machine_open", "cmpA", "r1", null));
        all.add(email("a-mo-r2", "2024-03-01T09:01:00Z", "email_machine_open", "cmpA", "r2", null));
        all.add(email("a-op1-r1", "2024-03-01T12:00:00Z", "email_open", "cmpA", "r1", null));
        all.add(email("a-op2-r1", "2024-03-02T08:00:00Z", "email_open", "cmpA", "r1", null));
        all.add(email("a-op-r2", "2024-03-02T09:00:00Z", "email_open", "cmpA", "r2", null));
        all.add(email("a-ck1-r1", "2024-03-02T08:05:00Z", "email_click", "cmpA", "r1", null));
        all.add(email("a-ck2-r1", "2024-03-02T08:10:00Z", "email_click", "cmpA", "r1", null));
        all.add(email("a-uns-r2", "2024-03-02T10:00:00Z", "email_unsubscribe", "cmpA", "r2", null));
        all.add(email("a-sp1-r3", "2024-03-01T15:00:00Z", "email_spam_report", "cmpA", "r3", null));
        all.add(email("a-sp2-r3", "2024-03-01T16:00:00Z", "email_spam_report", "cmpA", "r3", null));
        // campaign B: no human opens, so no click-to-open; and an event without a campaign or email
        all.add(email("b-sent-r1", "2024-02-29T09:00:00Z", "email_sent", "cmpB", "r1", null));
        all.add(email("b-dlv-r1", "2024-02-29T09:00:10Z", "email_delivered", "cmpB", "r1", null));
        all.add(email("b-mo-r1", "2024-02-29T09:00:20Z", "email_machine_open", "cmpB", "r1", null));
        all.add(email("x-sent", "2024-02-29T10:00:00Z", "email_sent", " ", null, "c9"));
        // Tickets (high: 2h / 8h here; normal 8h / 48h; low 24h / 72h; urgent 1h / 8h; reopen window 3 days)
        all.addAll(ticket(
                "T1",
                "high",
                "opened 2024-03-01T08:00:00Z",
                "replied 2024-03-01T09:00:00Z",
                "resolved 2024-03-01T15:00:00Z"));
        all.addAll(ticket(
                "T2",
                "high",
                "opened 2024-03-01T10:00:00Z",
                "replied 2024-03-01T13:00:00Z",
                "resolved 2024-03-01T20:00:00Z",
                "reopened 2024-03-02T10:00:00Z",
                "resolved 2024-03-02T12:00:00Z"));
        all.addAll(ticket("T3", "normal", "opened 2024-03-02T09:00:00Z"));
        all.addAll(ticket(
                "T4",
                "low",
                "opened 2024-03-03T09:00:00Z",
                "replied 2024-03-03T10:00:00Z",
                "resolved 2024-03-03T12:00:00Z",
                "reopened 2024-03-08T09:00:00Z"));
        all.addAll(ticket(
                "T5",
                null,
                "opened 2024-03-03T10:00:00Z",
                "replied 2024-03-03T17:59:59Z",
                "resolved 2024-03-05T10:00:00Z"));
        all.addAll(ticket(
                "T6",
                "URGENT ",
                "opened 2024-02-29T23:30:00Z",
                "replied 2024-03-01T00:30:00Z",
                "resolved 2024-03-01T06:00:00Z"));
        Map<String, Object> otherDesk = event("hd2-T1", "2024-03-01T08:00:00Z", "support", "ticket_opened");
        otherDesk.put("source", "helpdesk2");
        otherDesk.put("ticket_id", "T1");
        all.add(otherDesk);
        // the latest event: the clock of open tickets
        Map<String, Object> visit = event("w01", "2024-03-10T12:00:00Z", "web", "web_visit");
        visit.put("customer_source", "crm");
        visit.put("customer_ref", "c1");
        all.add(visit);
        return all;
    }

    private static Map<String, Object> event(String id, String time, String category, String type) {
        Map<String, Object> event = new HashMap<>();
        event.put("event_id", id);
        event.put("source", "fixture");
        event.put("category", category);
        event.put("event_type", type);
        event.put("event_time", Instant.parse(time));
        return event;
    }

    private static Map<String, Object> survey(
            String id,
            String time,
            String type,
            String channel,
            String touchpoint,
            Integer score,
            String customer,
            String emailKey,
            String language) {
        Map<String, Object> event = event(id, time, "survey", "survey_response");
        event.put("source", "survey-tool");
        event.put("survey_type", type);
        event.put("channel", channel);
        event.put("touchpoint", touchpoint);
        event.put("score", score);
        if (customer != null) {
            event.put("customer_source", "crm");
            event.put("customer_ref", customer);
        }
        event.put("email_key", emailKey);
        event.put("comment_language", language);
        return event;
    }

    private static Map<String, Object> email(
            String id, String time, String type, String campaign, String emailKey, String customer) {
        Map<String, Object> event = event(id, time, "email", type);
        event.put("source", "esp");
        event.put("campaign_id", campaign);
        event.put("email_key", emailKey);
        event.put("customer_ref", customer);
        return event;
    }

    /** Steps written as "opened 2024-...Z"; the priority rides on the opening step only. */
    private static List<Map<String, Object>> ticket(String ticketId, String priority, String... steps) {
        List<Map<String, Object>> ticket = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            String[] step = steps[i].split(" ");
            Map<String, Object> event = event(ticketId + "-" + i, step[1], "support", "ticket_" + step[0]);
            event.put("source", "helpdesk");
            event.put("ticket_id", ticketId);
            event.put("email_key", ticketId.equals("T1") ? "r3" : "r2");
            if (step[0].equals("opened")) {
                event.put("priority", priority);
            }
            ticket.add(event);
        }
        return ticket;
    }

    /** crm:c1 and erp:E1 (both r1) are customer K1; r3 is known to K3 and K4, two customers. */
    private static List<Map<String, Object>> customerRecords() {
        List<Map<String, Object>> records = new ArrayList<>();
        String[][] rows = {
            {"crm", "c1", "r1"},
            {"erp", "E1", "r1"},
            {"crm", "c2", "r2"},
            {"crm", "c3", "r3"},
            {"shop", "s3", "r3"},
            {"crm", "c4", null}
        };
        for (String[] row : rows) {
            Map<String, Object> record = new HashMap<>();
            record.put("record_id", row[0] + "/" + row[1]);
            record.put("source", row[0]);
            record.put("source_id", row[1]);
            record.put("email_key", row[2]);
            record.put("source_location", "fixture");
            record.put("ingested_at", AS_OF);
            record.put("ingest_run_id", "fixture");
            records.add(record);
        }
        return records;
    }

    private static final Map<String, String> CUSTOMER_OF =
            Map.of("crm:c1", "K1", "erp:E1", "K1", "crm:c2", "K2", "crm:c3", "K3", "shop:s3", "K4", "crm:c4", "K5");

    private static List<Map<String, Object>> identityMap() {
        List<Map<String, Object>> rows = new ArrayList<>();
        CUSTOMER_OF.forEach((key, customer) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("source", key.split(":")[0]);
            row.put("source_id", key.split(":")[1]);
            row.put("record_id", key.replace(':', '/'));
            row.put("customer_id", customer);
            row.put("match_rule", "fixture");
            row.put("resolved_at", AS_OF);
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> interaction(Map<String, Object> event) {
        Map<String, Object> row = new HashMap<>(event);
        row.put("source_event_id", event.get("event_id"));
        row.put("source_location", "fixture:" + event.get("event_id"));
        row.put("ingested_at", AS_OF);
        row.put("ingest_run_id", "fixture");
        return row;
    }

    // ---- assertions, one table each ----

    @Test
    void reportCountsEveryTable() {
        assertThat(report.tables().keySet())
                .containsExactly(
                        "metrics.nps_daily",
                        "metrics.csat_daily",
                        "metrics.ces_daily",
                        "metrics.email_engagement",
                        "metrics.support_sla",
                        "metrics.support_sla_daily",
                        "metrics.customer_timeline",
                        "metrics.feedback_sentiment",
                        "metrics.feedback_topics",
                        "metrics.nps_drivers",
                        "metrics.customer_rfm",
                        "metrics.customer_health",
                        "metrics.journey_stages",
                        "metrics.customer_consent",
                        "metrics.ticket_priority",
                        "metrics.stage_transitions");
        for (TableDefinition table : List.of(
                RapportTables.NPS_DAILY,
                RapportTables.CSAT_DAILY,
                RapportTables.CES_DAILY,
                RapportTables.EMAIL_ENGAGEMENT,
                RapportTables.SUPPORT_SLA,
                RapportTables.SUPPORT_SLA_DAILY,
                RapportTables.CUSTOMER_TIMELINE)) {
            assertThat(report.tables().get(table.qualifiedName()))
                    .as(table.qualifiedName())
                    .isEqualTo(read(table, "day").size())
                    .isPositive();
        }
    }

    @Test
    void npsDailyByLanguageAndSegmentWithConfidenceInterval() {
        List<String> columns = List.of(
                "day",
                "channel",
                "touchpoint",
                "language",
                "segment",
                "responses",
                "promoters",
                "passives",
                "detractors",
                "nps",
                "nps_ci_low",
                "nps_ci_high");
        // latest answer per (day, channel, touchpoint, respondent), then counted by language and
        // segment: the fixture has no orders, so no RFM rows; an answer of a resolved customer is
        // 'no_purchase', any other (c5, c6, c7, anonymous; no NPS answer has an email) 'unknown'
        Map<List<Object>, Map<String, Object>> latest = latestAnswers("NPS", 0, 10);
        Map<List<Object>, long[]> counts = new TreeMap<>(KEY_ORDER);
        latest.forEach((key, answer) -> {
            String segment = CUSTOMER_OF.containsKey(answer.get("customer_source") + ":" + answer.get("customer_ref"))
                    ? "no_purchase"
                    : "unknown";
            List<Object> group =
                    List.of(key.get(0), key.get(1), key.get(2), orUnknown(answer.get("comment_language")), segment);
            long[] count = counts.computeIfAbsent(group, k -> new long[3]);
            int score = (Integer) answer.get("score");
            count[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
        });
        List<List<Object>> expected = new ArrayList<>();
        counts.forEach((group, c) -> {
            long n = c[0] + c[1] + c[2];
            double nps = 100.0 * (c[0] - c[2]) / n;
            double variance = Math.max(0, (10_000.0 * c[0] + 10_000.0 * c[2]) / n - nps * nps);
            double half = 1.959963984540054 * Math.sqrt(variance / n);
            List<Object> row = new ArrayList<>(group);
            row.addAll(List.of(n, c[0], c[1], c[2], nps, Math.max(-100, nps - half), Math.min(100, nps + half)));
            expected.add(normalize(row));
        });

        List<List<Object>> rows = read(RapportTables.NPS_DAILY, columns);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        // hand-checked: c2's 9 (en) is replaced by its later 0 (ru); blank and missing language are
        // unknown; c1 and c2 are resolved (K1, K2) without orders, c7 is not resolved
        assertThat(rows)
                .contains(
                        normalize(row(
                                day("2024-03-01"),
                                "web",
                                "checkout",
                                "en",
                                "no_purchase",
                                1L,
                                1L,
                                0L,
                                0L,
                                100.0,
                                100.0,
                                100.0)),
                        normalize(row(
                                day("2024-03-01"),
                                "web",
                                "checkout",
                                "ru",
                                "no_purchase",
                                1L,
                                0L,
                                0L,
                                1L,
                                -100.0,
                                -100.0,
                                -100.0)),
                        normalize(row(
                                day("2024-03-01"),
                                "email",
                                "delivery",
                                "unknown",
                                "unknown",
                                1L,
                                0L,
                                1L,
                                0L,
                                0.0,
                                0.0,
                                0.0)));
        // March 2, web checkout, en: c1-c4 (resolved) 10, 10, 9, 6: P 3, D 1, n 4, nps 50, variance
        // 10000 - 2500 = 7500, half-width 1.96 x sqrt(7500 / 4) = 84.87; c5, c6 (not resolved) 8, 5:
        // P 0, D 1, n 2, nps -50, variance 5000 - 2500 = 2500, half-width 69.30
        List<List<Object>> march2 = only(rows, r -> r.get(0).equals(day("2024-03-02")));
        assertThat(march2).hasSize(2);
        List<Object> resolved =
                only(march2, r -> r.get(4).equals("no_purchase")).get(0);
        assertThat(resolved.subList(5, 9)).containsExactly(4L, 3L, 0L, 1L);
        assertThat((Double) resolved.get(10)).isCloseTo(-34.87, org.assertj.core.api.Assertions.within(0.01));
        assertThat((Double) resolved.get(11)).isEqualTo(100.0);
        List<Object> unresolved = only(march2, r -> r.get(4).equals("unknown")).get(0);
        assertThat(unresolved.subList(5, 9)).containsExactly(2L, 0L, 1L, 1L);
        assertThat((Double) unresolved.get(10)).isEqualTo(-100.0);
        assertThat((Double) unresolved.get(11)).isCloseTo(19.30, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void csatDaily() {
        Map<List<Object>, long[]> counts = scoreCounts(latestAnswers("CSAT", 1, 5), 4);
        List<List<Object>> expected = new ArrayList<>();
        counts.forEach((group, c) -> {
            List<Object> row = new ArrayList<>(group);
            row.addAll(List.of(c[0], c[1], 100.0 * c[1] / c[0], (double) c[2] / c[0]));
            expected.add(normalize(row));
        });

        List<List<Object>> rows = read(
                RapportTables.CSAT_DAILY,
                List.of("day", "channel", "touchpoint", "responses", "satisfied", "csat", "mean_score"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(3);
        // c1's later 1 replaces its 5: 4, 2, 1 -> one satisfied of three, mean 7/3
        assertThat(rows).contains(normalize(row(day("2024-03-01"), "web", "checkout", 3L, 1L, 100.0 / 3, 7.0 / 3)));
        // both anonymous answers count
        assertThat(rows).contains(normalize(row(day("2024-03-01"), "email", "delivery", 2L, 1L, 50.0, 4.0)));
    }

    @Test
    void cesDaily() {
        Map<List<Object>, long[]> counts = scoreCounts(latestAnswers("CES", 1, 7), 5);
        List<List<Object>> expected = new ArrayList<>();
        counts.forEach((group, c) -> {
            List<Object> row = new ArrayList<>(group);
            row.addAll(List.of(c[0], c[1], 100.0 * c[1] / c[0], (double) c[2] / c[0]));
            expected.add(normalize(row));
        });

        List<List<Object>> rows = read(
                RapportTables.CES_DAILY,
                List.of("day", "channel", "touchpoint", "responses", "easy", "easy_share", "mean_score"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        // c6: 6 then 2, the 2 counts
                        normalize(row(day("2024-02-28"), "app", "support", 1L, 0L, 0.0, 2.0)),
                        // 7, 5, 3; the 0 is off the scale
                        normalize(row(day("2024-03-01"), "web", "support", 3L, 2L, 200.0 / 3, 5.0)));
    }

    @Test
    void emailEngagement() {
        List<String> measures = List.of(
                "email_sent",
                "email_delivered",
                "email_bounce",
                "email_open",
                "email_machine_open",
                "email_click",
                "email_unsubscribe",
                "email_spam_report");
        // first event per (campaign, recipient, measure), counted on its day
        Map<List<Object>, Instant> first = new HashMap<>();
        for (Map<String, Object> event : events) {
            if (!measures.contains(event.get("event_type"))) {
                continue;
            }
            String recipient = event.get("email_key") != null
                    ? "email " + event.get("email_key")
                    : event.get("customer_ref") != null
                            ? "customer " + event.get("customer_ref")
                            : "event " + event.get("event_id");
            first.merge(
                    List.of(orUnknown(event.get("campaign_id")), recipient, event.get("event_type")),
                    (Instant) event.get("event_time"),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<List<Object>, long[]> counts = new TreeMap<>(KEY_ORDER);
        first.forEach((key, time) -> counts.computeIfAbsent(
                        List.of(time.atOffset(ZoneOffset.UTC).toLocalDate(), key.get(0)),
                        k -> new long[measures.size()])[measures.indexOf(key.get(2))]++);
        List<List<Object>> expected = new ArrayList<>();
        counts.forEach((group, c) -> expected.add(normalize(row(
                group.get(0),
                group.get(1),
                c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                c[5],
                c[3] == 0 ? null : (double) c[5] / c[3],
                c[6],
                c[7]))));

        List<List<Object>> rows = read(
                RapportTables.EMAIL_ENGAGEMENT,
                List.of(
                        "day",
                        "campaign_id",
                        "sent",
                        "delivered",
                        "bounced",
                        "unique_opens",
                        "machine_opens",
                        "unique_clicks",
                        "click_to_open",
                        "unsubscribes",
                        "spam_reports"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        normalize(row(day("2024-02-29"), "cmpB", 1L, 1L, 0L, 0L, 1L, 0L, null, 0L, 0L)),
                        normalize(row(day("2024-02-29"), "unknown", 1L, 0L, 0L, 0L, 0L, 0L, null, 0L, 0L)),
                        // r1 opens on March 1 (and again on the 2nd); r3's two spam reports count once
                        normalize(row(day("2024-03-01"), "cmpA", 4L, 3L, 1L, 1L, 2L, 0L, 0.0, 0L, 1L)),
                        // r2's first open; r1's first click (it opened the day before)
                        normalize(row(day("2024-03-02"), "cmpA", 0L, 0L, 0L, 1L, 0L, 1L, 1.0, 1L, 0L)));
    }

    @Test
    void supportSlaPerTicket() {
        List<List<Object>> expected = new ArrayList<>();
        for (Ticket t : tickets().values()) {
            expected.add(normalize(row(
                    t.source,
                    t.id,
                    t.priority,
                    t.openedAt,
                    t.firstResponseAt,
                    t.firstResolvedAt,
                    t.resolvedAt(),
                    t.resolvedAt() == null ? "open" : "resolved",
                    minutes(t.openedAt, t.firstResponseAt),
                    minutes(t.openedAt, t.resolvedAt()),
                    t.targets()[0].toMinutes(),
                    t.targets()[1].toMinutes(),
                    late(t.openedAt, t.firstResponseAt, t.targets()[0]),
                    late(t.openedAt, t.resolvedAt(), t.targets()[1]),
                    t.reopened(),
                    t.firstContactResolution(),
                    AS_OF)));
        }

        List<List<Object>> rows = read(
                RapportTables.SUPPORT_SLA,
                List.of(
                        "source",
                        "ticket_id",
                        "priority",
                        "opened_at",
                        "first_response_at",
                        "first_resolved_at",
                        "resolved_at",
                        "status",
                        "first_response_minutes",
                        "resolution_minutes",
                        "first_response_target_minutes",
                        "resolution_target_minutes",
                        "first_response_breached",
                        "resolution_breached",
                        "reopened",
                        "first_contact_resolution",
                        "as_of"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(7);
        Map<String, List<Object>> byTicket = rows.stream()
                .filter(r -> r.get(0).equals("helpdesk"))
                .collect(Collectors.toMap(r -> (String) r.get(1), Function.identity()));
        // T1 on time, FCR; T2 late on both, reopened within 3 days, resolved again after 26 h
        assertThat(byTicket.get("T1").subList(12, 16)).containsExactly(false, false, false, true);
        assertThat(byTicket.get("T2").subList(12, 16)).containsExactly(true, true, true, false);
        assertThat(byTicket.get("T2").get(9)).isEqualTo(26 * 60.0);
        // T3 never answered: open and past both targets at as_of
        assertThat(byTicket.get("T3").subList(7, 8)).containsExactly("open");
        assertThat(byTicket.get("T3").subList(12, 14)).containsExactly(true, true);
        // T4 reopened after the window: still first contact resolution, but open again and late
        assertThat(byTicket.get("T4").subList(12, 16)).containsExactly(false, true, false, true);
        // T5 has no priority: normal targets; replied 1 s inside 8 h, resolved exactly at 48 h
        assertThat(byTicket.get("T5").subList(2, 3)).containsExactly("unknown");
        assertThat(byTicket.get("T5").subList(12, 14)).containsExactly(false, false);
        // T6 "URGENT " is urgent: replied exactly at 1 h
        assertThat(byTicket.get("T6").subList(2, 3)).containsExactly("urgent");
        assertThat(byTicket.get("T6").get(12)).isEqualTo(false);
    }

    @Test
    void supportSlaDaily() {
        Map<String, Ticket> tickets = tickets();
        Set<String> priorities = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>();
        for (Ticket t : tickets.values()) {
            priorities.add(t.priority);
            t.changes().forEach(change -> days.add(utcDay(change)));
        }
        List<List<Object>> expected = new ArrayList<>();
        for (LocalDate day : days) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (String priority : priorities) {
                List<Ticket> ofPriority = tickets.values().stream()
                        .filter(t -> t.priority.equals(priority))
                        .toList();
                List<Ticket> opened = ofPriority.stream()
                        .filter(t -> utcDay(t.openedAt).equals(day))
                        .toList();
                long backlog =
                        ofPriority.stream().filter(t -> t.openAt(endOfDay)).count();
                boolean changed = ofPriority.stream().anyMatch(t -> t.changes().stream()
                        .anyMatch(c -> utcDay(c).equals(day)));
                if (opened.isEmpty() && backlog == 0 && !changed) {
                    continue;
                }
                long breached = opened.stream()
                        .filter(t -> late(t.openedAt, t.firstResponseAt, t.targets()[0])
                                || late(t.openedAt, t.resolvedAt(), t.targets()[1]))
                        .count();
                long resolved =
                        opened.stream().filter(t -> t.firstResolvedAt != null).count();
                long fcr =
                        opened.stream().filter(Ticket::firstContactResolution).count();
                expected.add(normalize(row(
                        day,
                        priority,
                        (long) opened.size(),
                        breached,
                        resolved,
                        fcr,
                        resolved == 0 ? null : (double) fcr / resolved,
                        backlog)));
            }
        }

        List<List<Object>> rows = read(
                RapportTables.SUPPORT_SLA_DAILY,
                List.of(
                        "day",
                        "priority",
                        "tickets_opened",
                        "tickets_breached",
                        "tickets_resolved",
                        "first_contact_resolutions",
                        "fcr_rate",
                        "backlog"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        // March 1, high: T1 and T2 opened, both resolved that day, T2 breached; T2 reopens on the 2nd
        assertThat(rows).contains(normalize(row(day("2024-03-01"), "high", 2L, 1L, 2L, 1L, 0.5, 0L)));
        assertThat(rows).contains(normalize(row(day("2024-03-02"), "high", 0L, 0L, 0L, 0L, null, 0L)));
        // T3 (normal) opened March 2, never answered; helpdesk2's T1 has no priority and stays open
        assertThat(rows).contains(normalize(row(day("2024-03-02"), "normal", 1L, 1L, 0L, 0L, null, 1L)));
        assertThat(rows).contains(normalize(row(day("2024-03-02"), "unknown", 0L, 0L, 0L, 0L, null, 1L)));
        // T4 (low) reopened on March 8: back in the backlog
        assertThat(rows).contains(normalize(row(day("2024-03-08"), "low", 0L, 0L, 0L, 0L, null, 1L)));
    }

    @Test
    void customerTimeline() {
        Map<String, Set<String>> customersOfEmail = new HashMap<>();
        Map<String, String> recordOfEmail = new HashMap<>();
        for (Map<String, Object> record : customerRecords()) {
            String email = (String) record.get("email_key");
            if (email == null) {
                continue;
            }
            String key = record.get("source") + ":" + record.get("source_id");
            String customer = CUSTOMER_OF.get(key);
            customersOfEmail.computeIfAbsent(email, e -> new TreeSet<>()).add(customer);
            recordOfEmail.merge(email + "|" + customer, key, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        // (customer, event) -> [how, record]
        Map<List<String>, List<String>> links = new HashMap<>();
        for (Map<String, Object> event : events) {
            String ref = (String) event.get("customer_ref");
            String source = (String) Objects.requireNonNullElse(event.get("customer_source"), event.get("source"));
            String id = (String) event.get("event_id");
            if (ref != null && CUSTOMER_OF.containsKey(source + ":" + ref)) {
                links.put(
                        List.of(CUSTOMER_OF.get(source + ":" + ref), id), List.of("customer_ref", source + ":" + ref));
            } else if (event.get("email_key") != null) {
                for (String customer : customersOfEmail.getOrDefault((String) event.get("email_key"), Set.of())) {
                    links.put(
                            List.of(customer, id),
                            List.of("email", recordOfEmail.get(event.get("email_key") + "|" + customer)));
                }
            }
        }
        Map<String, Map<String, Object>> byId =
                events.stream().collect(Collectors.toMap(e -> (String) e.get("event_id"), Function.identity()));
        Map<String, List<String>> eventsOf = new TreeMap<>();
        links.keySet().forEach(key -> eventsOf.computeIfAbsent(key.get(0), c -> new ArrayList<>())
                .add(key.get(1)));
        List<List<Object>> expected = new ArrayList<>();
        eventsOf.forEach((customer, ids) -> {
            ids.sort(Comparator.comparing((String id) -> (Instant) byId.get(id).get("event_time"))
                    .thenComparing(id -> id));
            for (int i = 0; i < ids.size(); i++) {
                Map<String, Object> e = byId.get(ids.get(i));
                List<String> link = links.get(List.of(customer, ids.get(i)));
                expected.add(normalize(row(
                        customer,
                        e.get("event_id"),
                        e.get("event_time"),
                        (long) i + 1,
                        e.get("category"),
                        e.get("event_type"),
                        e.get("ticket_id"),
                        e.get("score"),
                        e.get("source"),
                        "fixture:" + e.get("event_id"),
                        link.get(0),
                        link.get(1))));
            }
        });

        List<List<Object>> rows = read(
                RapportTables.CUSTOMER_TIMELINE,
                List.of(
                        "customer_id",
                        "event_id",
                        "event_time",
                        "event_seq",
                        "category",
                        "event_type",
                        "ticket_id",
                        "score",
                        "source",
                        "source_location",
                        "linked_by",
                        "linked_record"));

        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        // r3's spam report is on both customers that know r3
        assertThat(only(rows, r -> r.get(1).equals("a-sp1-r3")).stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder("K3", "K4");
        // r1 belongs to two records of K1: one row, naming the smaller record
        assertThat(only(rows, r -> r.get(1).equals("a-op1-r1")))
                .singleElement()
                .satisfies(r -> assertThat(r.subList(10, 12)).containsExactly("email", "crm:c1"));
        // c9 is in no record and the event has no email: on no timeline
        assertThat(only(rows, r -> r.get(1).equals("x-sent"))).isEmpty();
        // the web visit of crm:c1 is K1's last event
        assertThat(only(rows, r -> r.get(0).equals("K1")).stream().max(Comparator.comparing(r -> (Long) r.get(3))))
                .hasValueSatisfying(r -> assertThat(r.get(1)).isEqualTo("w01"));
    }

    // ---- the expectations' building blocks, in plain Java ----

    private static final Comparator<List<Object>> KEY_ORDER = Comparator.comparing(List::toString);

    /** Latest answer per (day, channel, touchpoint, respondent) of one survey type on its scale. */
    private static Map<List<Object>, Map<String, Object>> latestAnswers(String type, int low, int high) {
        Map<List<Object>, Map<String, Object>> latest = new TreeMap<>(KEY_ORDER);
        for (Map<String, Object> event : events) {
            Integer score = (Integer) event.get("score");
            if (!"survey_response".equals(event.get("event_type"))
                    || !type.equals(event.get("survey_type"))
                    || score == null
                    || score < low
                    || score > high) {
                continue;
            }
            String respondent = event.get("customer_ref") != null
                    ? "customer " + event.get("customer_source") + " " + event.get("customer_ref")
                    : event.get("email_key") != null
                            ? "email " + event.get("email_key")
                            : "event " + event.get("event_id");
            List<Object> key = List.of(
                    utcDay((Instant) event.get("event_time")),
                    orUnknown(event.get("channel")),
                    orUnknown(event.get("touchpoint")),
                    respondent);
            latest.merge(key, event, (a, b) -> {
                int byTime = ((Instant) a.get("event_time")).compareTo((Instant) b.get("event_time"));
                if (byTime != 0) {
                    return byTime > 0 ? a : b;
                }
                return ((String) a.get("event_id")).compareTo((String) b.get("event_id")) > 0 ? a : b;
            });
        }
        return latest;
    }

    /** (day, channel, touchpoint) -> [responses, scoring at least {@code good}, sum of scores]. */
    private static Map<List<Object>, long[]> scoreCounts(Map<List<Object>, Map<String, Object>> latest, int good) {
        Map<List<Object>, long[]> counts = new TreeMap<>(KEY_ORDER);
        latest.forEach((key, answer) -> {
            long[] count = counts.computeIfAbsent(key.subList(0, 3), k -> new long[3]);
            int score = (Integer) answer.get("score");
            count[0]++;
            count[1] += score >= good ? 1 : 0;
            count[2] += score;
        });
        return counts;
    }

    /** One ticket, rebuilt from its events with the definitions of support_tickets_view.sql. */
    private static final class Ticket {
        String source;
        String id;
        String priority = "unknown";
        Instant openedAt;
        Instant firstResponseAt;
        Instant firstResolvedAt;
        final List<Instant> resolves = new ArrayList<>();
        final List<Instant> reopens = new ArrayList<>();

        Instant resolvedAt() {
            Instant lastResolve =
                    resolves.stream().max(Comparator.naturalOrder()).orElse(null);
            Instant lastReopen = reopens.stream().max(Comparator.naturalOrder()).orElse(null);
            return lastResolve != null && (lastReopen == null || lastResolve.isAfter(lastReopen)) ? lastResolve : null;
        }

        Duration[] targets() {
            return switch (priority) {
                case "high" -> new Duration[] {Duration.ofHours(2), Duration.ofHours(8)};
                case "low" -> new Duration[] {Duration.ofHours(24), Duration.ofHours(72)};
                case "urgent" -> new Duration[] {Duration.ofHours(1), Duration.ofHours(8)};
                default -> new Duration[] {Duration.ofHours(8), Duration.ofHours(48)};
            };
        }

        boolean reopened() {
            Instant firstReopen =
                    reopens.stream().min(Comparator.naturalOrder()).orElse(null);
            return firstResolvedAt != null
                    && firstReopen != null
                    && firstReopen.isAfter(firstResolvedAt)
                    && Duration.between(firstResolvedAt, firstReopen).compareTo(REOPEN_WINDOW) <= 0;
        }

        boolean firstContactResolution() {
            return firstResolvedAt != null && !reopened();
        }

        List<Instant> changes() {
            List<Instant> changes = new ArrayList<>(List.of(openedAt));
            resolves.stream().filter(t -> !t.isBefore(openedAt)).forEach(changes::add);
            reopens.stream().filter(t -> !t.isBefore(openedAt)).forEach(changes::add);
            return changes;
        }

        /** Replays opening, resolutions and reopenings up to the instant. */
        boolean openAt(Instant instant) {
            if (!openedAt.isBefore(instant)) {
                return false;
            }
            Instant lastResolve = resolves.stream()
                    .filter(t -> t.isBefore(instant))
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            Instant lastReopen = reopens.stream()
                    .filter(t -> t.isBefore(instant))
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            if (lastResolve == null) {
                return true;
            }
            return lastReopen != null && lastReopen.isAfter(lastResolve);
        }
    }

    private static Map<String, Ticket> tickets() {
        Map<String, Ticket> tickets = new TreeMap<>();
        for (Map<String, Object> event : events) {
            if (event.get("ticket_id") == null) {
                continue;
            }
            Ticket t = tickets.computeIfAbsent(event.get("source") + "/" + event.get("ticket_id"), k -> new Ticket());
            t.source = (String) event.get("source");
            t.id = (String) event.get("ticket_id");
            Instant time = (Instant) event.get("event_time");
            switch ((String) event.get("event_type")) {
                case "ticket_opened" -> {
                    t.openedAt = time;
                    if (event.get("priority") != null) {
                        t.priority = ((String) event.get("priority")).trim().toLowerCase(java.util.Locale.ROOT);
                    }
                }
                case "ticket_replied" -> t.firstResponseAt = min(t.firstResponseAt, time);
                case "ticket_resolved" -> {
                    t.firstResolvedAt = min(t.firstResolvedAt, time);
                    t.resolves.add(time);
                }
                case "ticket_reopened" -> t.reopens.add(time);
                default -> throw new IllegalStateException("not a ticket step: " + event.get("event_type"));
            }
        }
        return tickets;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Double minutes(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toSeconds() / 60.0;
    }

    private static boolean late(Instant start, Instant done, Duration target) {
        return (done != null ? done : AS_OF).isAfter(start.plus(target));
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static String orUnknown(Object value) {
        return value == null || ((String) value).isBlank() ? "unknown" : ((String) value).trim();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Doubles to 9 decimals, timestamps to instants, so SQL's and Java's arithmetic compare. */
    private static List<Object> normalize(List<Object> row) {
        List<Object> normalized = new ArrayList<>();
        for (Object value : row) {
            if (value instanceof Double number) {
                normalized.add(Math.round(number * 1e9) / 1e9);
            } else if (value instanceof OffsetDateTime time) {
                normalized.add(time.toInstant());
            } else if (value instanceof BigDecimal decimal) {
                normalized.add(decimal.stripTrailingZeros());
            } else {
                normalized.add(value);
            }
        }
        return normalized;
    }

    private static List<List<Object>> only(List<List<Object>> rows, java.util.function.Predicate<List<Object>> filter) {
        return rows.stream().filter(filter).toList();
    }

    // ---- tables ----

    private static TableEnvironment tableEnvironment() {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, PARALLELISM);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(configuration)
                .build());
    }

    private static List<List<Object>> read(TableDefinition definition, String anyColumn) {
        return read(definition, List.of(definition.schema().columns().get(0).name()));
    }

    private static List<List<Object>> read(TableDefinition definition, List<String> columns) {
        try (RapportCatalog rapport = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(rapport.load(definition)).build()) {
            List<List<Object>> rows = new ArrayList<>();
            for (Record record : records) {
                List<Object> row = new ArrayList<>();
                columns.forEach(column -> row.add(record.getField(column)));
                rows.add(normalize(row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends rows (column name to value; instants for timestamps) in one commit. */
    private static void append(TableDefinition definition, List<Map<String, Object>> rows) {
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            Table table = rapport.ensure(definition);
            InternalRecordWrapper wrapper =
                    new InternalRecordWrapper(table.schema().asStruct());
            Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                Record record = GenericRecord.create(table.schema());
                row.forEach((column, value) -> record.setField(
                        column, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value));
                PartitionKey key = new PartitionKey(table.spec(), table.schema());
                key.partition(wrapper.wrap(record));
                byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
            GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
            AppendFiles append = table.newAppend();
            for (Map.Entry<PartitionKey, List<Record>> partition : byPartition.entrySet()) {
                String location = table.locationProvider()
                        .newDataLocation(table.spec(), partition.getKey(), UUID.randomUUID() + ".parquet");
                DataWriter<Record> writer = factory.newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                        FileFormat.PARQUET,
                        partition.getKey());
                try (writer) {
                    partition.getValue().forEach(writer::write);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                append.appendFile(writer.toDataFile());
            }
            append.commit();
        }
    }
}
