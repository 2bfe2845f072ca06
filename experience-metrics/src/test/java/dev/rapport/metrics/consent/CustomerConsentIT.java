package dev.rapport.metrics.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.feed.FeedConfig;
import dev.rapport.metrics.feed.FeedJob;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics.customer_consent over hand-checked fixtures, run by the metrics job from staging through the
 * timeline: withdrawals from events and CRM flags, then opt-ins (email_subscribe) and withdrawals in
 * either order, read by the feed that requires explicit consent.
 */
class CustomerConsentIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    @TempDir
    Path dataDir;

    @Test
    void theLatestWithdrawalDecidesAndEngagementDoesNotGrantConsentAgain() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> records = new ArrayList<>();
        List<Map<String, Object>> identity = new ArrayList<>();
        for (String[] person : new String[][] {
            {"1", "K1", "ana@example.com"},
            {"2", "K2", "bo@example.com"},
            {"3", "K3", "cy@example.com"},
            {"4", "K4", "di@example.com"}
        }) {
            records.add(record(person[0], person[2]));
            identity.add(link(person[0], person[1]));
        }
        // the CRM's opt-out flags: K1's false decides nothing; K3 opted out of e-mail in the CRM on 2024-02-20;
        // K4, who has no event at all, opted out of text messages and calls on 2024-02-15
        records.get(0).put("email_opt_out", false);
        records.get(2).put("email_opt_out", true);
        records.get(2).put("updated_at", Instant.parse("2024-02-20T00:00:00Z"));
        records.get(3).put("sms_opt_out", true);
        records.get(3).put("phone_opt_out", true);
        records.get(3).put("updated_at", Instant.parse("2024-02-15T00:00:00Z"));
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_RECORDS, records);
        IcebergTestTables.append(catalog, RapportTables.IDENTITY_MAP, identity);
        IcebergTestTables.append(
                catalog,
                RapportTables.INTERACTIONS,
                List.of(
                        // K1 unsubscribes, then clicks an older email: still withdrawn, since the unsubscribe
                        email("e1", "email_sent", "2024-03-01T08:00:00Z", "ana@example.com"),
                        email("e2", "email_unsubscribe", "2024-03-02T08:00:00Z", "ana@example.com"),
                        email("e3", "email_click", "2024-03-05T08:00:00Z", "ana@example.com"),
                        // K2 reports spam, later unsubscribes: the later event is the evidence
                        email("e4", "email_spam_report", "2024-03-01T09:00:00Z", "bo@example.com"),
                        email("e5", "email_unsubscribe", "2024-03-03T09:00:00Z", "bo@example.com"),
                        // K3 only opens: the CRM's opt-out decides
                        email("e6", "email_open", "2024-03-01T10:00:00Z", "cy@example.com")));

        MetricsReport report =
                new MetricsJob(catalog, MetricsConfig.fromMap(Map.of(), "metrics")).run(tableEnvironment());

        assertThat(consentRows(catalog))
                .containsExactlyInAnyOrder(
                        java.util.Arrays.asList(
                                "K1",
                                "email",
                                "withdrawn",
                                Instant.parse("2024-03-02T08:00:00Z"),
                                "esp:email_unsubscribe:e2"),
                        java.util.Arrays.asList("K1", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K1", "phone", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K2",
                                "email",
                                "withdrawn",
                                Instant.parse("2024-03-03T09:00:00Z"),
                                "esp:email_unsubscribe:e5"),
                        java.util.Arrays.asList("K2", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K2", "phone", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K3", "email", "withdrawn", Instant.parse("2024-02-20T00:00:00Z"), "crm:record:3"),
                        java.util.Arrays.asList("K3", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K3", "phone", "unknown", null, null),
                        java.util.Arrays.asList("K4", "email", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K4", "sms", "withdrawn", Instant.parse("2024-02-15T00:00:00Z"), "crm:record:4"),
                        java.util.Arrays.asList(
                                "K4", "phone", "withdrawn", Instant.parse("2024-02-15T00:00:00Z"), "crm:record:4"));
        assertThat(report.tables()).containsEntry(RapportTables.CUSTOMER_CONSENT.qualifiedName(), 12L);
    }

    @Test
    void anOptInGrantsUntilALaterWithdrawalAndTheExplicitConsentFeedUsesIt() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> records = new ArrayList<>();
        List<Map<String, Object>> identity = new ArrayList<>();
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (String[] person : new String[][] {
            {"5", "K5", "eve@example.com"},
            {"6", "K6", "fay@example.com"},
            {"7", "K7", "gus@example.com"},
            {"8", "K8", "hal@example.com"}
        }) {
            records.add(record(person[0], person[2]));
            identity.add(link(person[0], person[1]));
            profiles.add(profile(person[1], person[2]));
        }
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_RECORDS, records);
        IcebergTestTables.append(catalog, RapportTables.IDENTITY_MAP, identity);
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_PROFILE, profiles);
        IcebergTestTables.append(
                catalog,
                RapportTables.INTERACTIONS,
                List.of(
                        // K5 subscribes (a double-opt-in newsletter), then is sent and opens a mail: granted,
                        // since the subscribe; the send and the open decide nothing
                        email("s1", "email_subscribe", "2024-03-01T08:00:00Z", "eve@example.com"),
                        email("s2", "email_sent", "2024-03-04T08:00:00Z", "eve@example.com"),
                        email("s3", "email_open", "2024-03-04T09:00:00Z", "eve@example.com"),
                        // K6 subscribes, later unsubscribes: withdrawn again, since the unsubscribe
                        email("s4", "email_subscribe", "2024-03-01T09:00:00Z", "fay@example.com"),
                        email("s5", "email_unsubscribe", "2024-03-03T09:00:00Z", "fay@example.com"),
                        // K7 unsubscribes, later resubscribes: granted again, with the subscribe as evidence
                        email("s6", "email_unsubscribe", "2024-03-01T10:00:00Z", "gus@example.com"),
                        email("s7", "email_subscribe", "2024-03-05T10:00:00Z", "gus@example.com"),
                        // K8 subscribes and unsubscribes at the same instant: the withdrawal wins the tie
                        email("s8", "email_subscribe", "2024-03-06T10:00:00Z", "hal@example.com"),
                        email("s9", "email_unsubscribe", "2024-03-06T10:00:00Z", "hal@example.com")));

        new MetricsJob(catalog, MetricsConfig.fromMap(Map.of(), "metrics")).run(tableEnvironment());

        assertThat(consentRows(catalog))
                .containsExactlyInAnyOrder(
                        java.util.Arrays.asList(
                                "K5",
                                "email",
                                "granted",
                                Instant.parse("2024-03-01T08:00:00Z"),
                                "esp:email_subscribe:s1"),
                        java.util.Arrays.asList("K5", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K5", "phone", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K6",
                                "email",
                                "withdrawn",
                                Instant.parse("2024-03-03T09:00:00Z"),
                                "esp:email_unsubscribe:s5"),
                        java.util.Arrays.asList("K6", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K6", "phone", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K7",
                                "email",
                                "granted",
                                Instant.parse("2024-03-05T10:00:00Z"),
                                "esp:email_subscribe:s7"),
                        java.util.Arrays.asList("K7", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K7", "phone", "unknown", null, null),
                        java.util.Arrays.asList(
                                "K8",
                                "email",
                                "withdrawn",
                                Instant.parse("2024-03-06T10:00:00Z"),
                                "esp:email_unsubscribe:s9"),
                        java.util.Arrays.asList("K8", "sms", "unknown", null, null),
                        java.util.Arrays.asList("K8", "phone", "unknown", null, null));

        // with require_explicit_consent only the granted customers may be e-mailed; none has a phone
        FeedConfig explicit =
                FeedConfig.fromMap(Map.of("require_explicit_consent", true), "feed", name -> null, dataDir);
        new FeedJob(catalog, explicit, Optional.of(LocalDate.of(2024, 3, 31))).run(tableEnvironment());
        Map<String, List<Object>> feed = new HashMap<>();
        for (Map<String, Object> row : IcebergTestTables.read(catalog, RapportTables.PERSONALIZATION)) {
            feed.put(
                    (String) row.get("customer_id"),
                    java.util.Arrays.asList(row.get("consent_email"), row.get("action_channel")));
        }
        assertThat(feed)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "K5", java.util.Arrays.asList("granted", "email"),
                        "K6", java.util.Arrays.asList("withdrawn", null),
                        "K7", java.util.Arrays.asList("granted", "email"),
                        "K8", java.util.Arrays.asList("withdrawn", null)));
    }

    private static List<List<Object>> consentRows(CatalogConfig catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : IcebergTestTables.read(catalog, RapportTables.CUSTOMER_CONSENT)) {
            rows.add(java.util.Arrays.asList(
                    row.get("customer_id"),
                    row.get("channel"),
                    row.get("consent"),
                    row.get("since") == null ? null : ((OffsetDateTime) row.get("since")).toInstant(),
                    row.get("evidence")));
        }
        return rows;
    }

    private static Map<String, Object> profile(String customer, String email) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("email", email);
        row.put("sources", List.of("crm"));
        row.put("record_count", 1);
        row.put("resolved_at", Instant.parse("2024-03-01T00:00:00Z"));
        return row;
    }

    private static Map<String, Object> record(String id, String email) {
        Map<String, Object> row = new HashMap<>();
        row.put("record_id", "r" + id);
        row.put("source", "crm");
        row.put("source_id", id);
        row.put("email", email);
        row.put("email_key", email);
        row.put("source_location", "fixture:" + id);
        row.put("ingested_at", Instant.parse("2024-03-01T00:00:00Z"));
        row.put("ingest_run_id", "fixture");
        return row;
    }

    private static Map<String, Object> link(String id, String customer) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", "crm");
        row.put("source_id", id);
        row.put("record_id", "r" + id);
        row.put("customer_id", customer);
        row.put("match_rule", "singleton");
        row.put("probability", 1.0);
        row.put("resolved_at", Instant.parse("2024-03-01T00:00:00Z"));
        return row;
    }

    private static Map<String, Object> email(String id, String type, String time, String address) {
        Map<String, Object> row = IcebergTestTables.interaction(id, "esp", "email", type, Instant.parse(time));
        row.put("email", address);
        row.put("email_key", address);
        row.put("channel", "email");
        return row;
    }

    private static TableEnvironment tableEnvironment() {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, PARALLELISM);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(configuration)
                .build());
    }
}
