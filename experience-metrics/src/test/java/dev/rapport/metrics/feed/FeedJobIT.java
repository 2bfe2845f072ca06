package dev.rapport.metrics.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.stream.KafkaTestBroker;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed over hand-written identity and metric tables, with every expected action and
 * invitation worked out in the comments, exported to JSON lines, Parquet and a real Kafka broker.
 */
class FeedJobIT {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final String SALT = "feed-test-salt-0123456789";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    private CatalogConfig catalog;

    @BeforeEach
    void writeInputs() {
        catalog = CatalogConfig.embedded(dir);
        // c1: detractor 10 days ago, one open ticket, latest contact by email
        // c2: never answered NPS, at risk (high), e-mail withdrawn, a ticket resolved yesterday and an order 2 days ago
        // c3: promoter 60 days ago, ordered 5 days ago
        // c4: loyal, low risk, last seen in March, never answered NPS
        // c5: no e-mail, no phone; visited the web on 2024-06-15
        // c6: e-mail withdrawn, nothing else; last seen in 2023
        // c7: invited on 2024-06-25 already (fatigue), active
        IcebergTestTables.append(
                catalog,
                RapportTables.CUSTOMER_PROFILE,
                List.of(
                        profile("c1", "c1@example.com", "+381641000001"),
                        profile("c2", "c2@example.com", "+381641000002"),
                        profile("c3", "c3@example.com", null),
                        profile("c4", "c4@example.com", null),
                        profile("c5", null, null),
                        profile("c6", "c6@example.com", null),
                        profile("c7", "c7@example.com", null)));
        IcebergTestTables.append(
                catalog,
                RapportTables.CUSTOMER_TIMELINE,
                List.of(
                        event("c1", "e1", "2024-06-20T10:00:00Z", "survey", "survey_response", null, "NPS", 3, null),
                        event("c1", "e2", "2024-06-22T10:00:00Z", "email", "email_open", "email", null, null, null),
                        event(
                                "c2",
                                "e3",
                                "2024-06-25T09:00:00Z",
                                "support",
                                "ticket_opened",
                                "phone",
                                null,
                                null,
                                "T2"),
                        event("c2", "e4", "2024-06-28T09:00:00Z", "commerce", "order", "web", null, null, null),
                        event("c3", "e5", "2024-05-01T09:00:00Z", "survey", "survey_response", null, "NPS", 10, null),
                        event("c3", "e6", "2024-06-25T09:00:00Z", "commerce", "order", "web", null, null, null),
                        event("c4", "e7", "2024-03-01T09:00:00Z", "email", "email_click", "email", null, null, null),
                        event("c5", "e8", "2024-06-15T09:00:00Z", "web", "page_view", "web", null, null, null),
                        event("c6", "e9", "2023-01-01T09:00:00Z", "web", "page_view", "web", null, null, null),
                        event("c7", "e10", "2024-06-01T09:00:00Z", "commerce", "order", "web", null, null, null)));
        IcebergTestTables.append(
                catalog,
                RapportTables.SUPPORT_SLA,
                List.of(ticket("T2", "2024-06-25T09:00:00Z", "2024-06-29T12:00:00Z")));
        IcebergTestTables.append(
                catalog,
                RapportTables.CUSTOMER_RFM,
                List.of(rfm("c1", "champions"), rfm("c2", "at_risk"), rfm("c3", "new_customer"), rfm("c4", "loyal")));
        IcebergTestTables.append(
                catalog,
                RapportTables.CUSTOMER_HEALTH,
                List.of(
                        health("c1", 0.7, "high", "detractor: scored 3 on 2024-06-20", 1),
                        health("c2", 0.82, "high", "no order in 200 days", 0),
                        health("c3", 0.1, "low", null, 0),
                        health("c4", 0.2, "low", null, 0)));
        IcebergTestTables.append(
                catalog,
                RapportTables.CUSTOMER_CONSENT,
                List.of(
                        consent("c2", "email", "withdrawn"),
                        consent("c6", "email", "withdrawn"),
                        consent("c4", "email", "granted")));
        Map<String, Object> earlier = new HashMap<>();
        earlier.put("customer_id", "c7");
        earlier.put("as_of", LocalDate.of(2024, 6, 25));
        earlier.put("survey_type", "CSAT");
        earlier.put("channel", "email");
        earlier.put("trigger", "purchase");
        earlier.put("trigger_ref", "o-7");
        earlier.put("trigger_at", Instant.parse("2024-06-24T09:00:00Z"));
        IcebergTestTables.append(catalog, RapportTables.SURVEY_INVITATIONS, List.of(earlier));
    }

    @Test
    void choosesActionsAndInvitationsRespectingConsentAndFatigue() {
        FeedReport report = new FeedJob(catalog, FeedConfig.defaults(), Optional.of(AS_OF)).run(2, new Configuration());

        Map<String, String> actions = byCustomer(RapportTables.PERSONALIZATION, "next_best_action");
        Map<String, String> channels = byCustomer(RapportTables.PERSONALIZATION, "action_channel");
        // c1: detractor 10 days ago (<= 30) wins over everything; preferred channel email (latest email open)
        // c2: no NPS, high risk and purchased: win back; e-mail withdrawn, and the preferred channel is the phone
        //     (the latest contact on email, sms or phone was the ticket opened by phone)
        // c3: promoter 60 days ago (<= 90): review, by email
        // c4: loyal: upsell by email (granted)
        // c5: nurture, but no address or phone: none
        // c6: nurture, but e-mail withdrawn: none
        // c7: no signals: nurture by email
        assertThat(actions)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "c1", "follow_up_detractor",
                        "c2", "win_back",
                        "c3", "ask_for_review",
                        "c4", "upsell",
                        "c5", "none",
                        "c6", "none",
                        "c7", "nurture"));
        assertThat(channels)
                .containsEntry("c1", "email")
                .containsEntry("c2", "phone")
                .containsEntry("c3", "email")
                .containsEntry("c4", "email")
                .containsEntry("c5", null)
                .containsEntry("c6", null);
        Map<String, Object> c6 = row(RapportTables.PERSONALIZATION, "c6");
        assertThat(c6.get("action_reason")).asString().startsWith("no channel allowed (email withdrawn)");
        assertThat(c6.get("consent_email")).isEqualTo("withdrawn");
        Map<String, Object> c1 = row(RapportTables.PERSONALIZATION, "c1");
        assertThat(c1.get("segments")).isEqualTo(List.of("rfm_champions", "churn_risk_high", "nps_detractor"));
        assertThat(c1.get("last_nps")).isEqualTo(3);
        assertThat(c1.get("open_tickets")).isEqualTo(1);
        assertThat(c1.get("as_of")).isEqualTo(AS_OF);

        // c1 answered 10 days ago (fatigue 14); c2: CES for T2 resolved yesterday (<= 3 days) wins over the order's
        // CSAT, e-mail withdrawn so sms; c3: CSAT for the order 5 days ago (<= 7), last answer 60 days ago; c4: NPS
        // (active in March, never answered) by email; c5: NPS on the web; c6: not active in 365 days;
        // c7: invited on 2024-06-25 (fatigue)
        List<Map<String, Object>> today = IcebergTestTables.read(catalog, RapportTables.SURVEY_INVITATIONS).stream()
                .filter(row -> AS_OF.equals(row.get("as_of")))
                .toList();
        assertThat(today.stream()
                        .collect(Collectors.toMap(
                                row -> (String) row.get("customer_id"),
                                row -> row.get("survey_type") + "/" + row.get("channel") + "/" + row.get("trigger"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "c2", "CES/sms/ticket_resolved",
                        "c3", "CSAT/email/purchase",
                        "c4", "NPS/email/relationship",
                        "c5", "NPS/web/relationship"));
        assertThat(report.customers()).isEqualTo(7);
        assertThat(report.invitations()).isEqualTo(Map.of("CES", 1L, "CSAT", 1L, "NPS", 2L));

        // a rerun of the same day writes the same rows, and keeps the earlier day's invitation
        List<Map<String, Object>> personalization =
                sorted(IcebergTestTables.read(catalog, RapportTables.PERSONALIZATION));
        List<Map<String, Object>> invitations =
                sorted(IcebergTestTables.read(catalog, RapportTables.SURVEY_INVITATIONS));
        new FeedJob(catalog, FeedConfig.defaults(), Optional.of(AS_OF)).run(2, new Configuration());
        assertThat(sorted(IcebergTestTables.read(catalog, RapportTables.PERSONALIZATION)))
                .isEqualTo(personalization);
        assertThat(sorted(IcebergTestTables.read(catalog, RapportTables.SURVEY_INVITATIONS)))
                .isEqualTo(invitations);
        assertThat(invitations).hasSize(5);
    }

    @Test
    void exportsJsonLinesParquetAndKafkaWithHashedIdentifiersWherePersonalDataMayNotGo() throws Exception {
        try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
            kafka.createTopic("personalization", 2);
            Path jsonl = dir.resolve("out/ads");
            Path parquet = dir.resolve("out/crm");
            Map<String, Object> yaml = Map.of(
                    "destinations",
                    List.of(
                            Map.of(
                                    "name",
                                    "ads",
                                    "format",
                                    "jsonl",
                                    "path",
                                    jsonl.toUri().toString()),
                            Map.of(
                                    "name",
                                    "crm",
                                    "format",
                                    "parquet",
                                    "path",
                                    parquet.toUri().toString(),
                                    "pii",
                                    true),
                            Map.of(
                                    "name",
                                    "web",
                                    "format",
                                    "kafka",
                                    "topic",
                                    "personalization",
                                    "bootstrap_servers",
                                    kafka.bootstrapServers())));
            FeedConfig config =
                    FeedConfig.fromMap(yaml, "feed", name -> SaltedHash.SALT_VARIABLE.equals(name) ? SALT : null, dir);

            FeedReport report = new FeedJob(catalog, config, Optional.of(AS_OF)).run(2, new Configuration());

            assertThat(report.destinations()).containsExactly("ads", "crm", "web");
            SaltedHash hash = new SaltedHash(SALT);
            List<String> lines = lines(jsonl);
            assertThat(lines).hasSize(7);
            String all = String.join("\n", lines);
            assertThat(all)
                    .doesNotContain("@example.com")
                    .doesNotContain("+38164")
                    .doesNotContain("\"c1\"");
            assertThat(all)
                    .contains("\"customer_key\":\"" + hash.hash("c1") + "\"")
                    .contains("\"email_sha256\":\"" + hash.hash("c1@example.com") + "\"")
                    .contains("\"next_best_action\":\"follow_up_detractor\"");

            try (Stream<Path> files = Files.walk(parquet)) {
                List<Path> parts = files.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith("."))
                        .toList();
                assertThat(parts).isNotEmpty();
                // Parquet with the personal data, for a destination allowed to see it
                assertThat(parts.stream().map(FeedJobIT::bytes).collect(Collectors.joining()))
                        .contains("PAR1")
                        .contains("c1@example.com");
            }

            Map<String, String> messages = new TreeMap<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG, "feed-test",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("personalization"));
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (messages.size() < 7 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        messages.put(record.key(), record.value());
                    }
                }
            }
            assertThat(messages).hasSize(7).containsKey(hash.hash("c2"));
            assertThat(messages.get(hash.hash("c2")))
                    .contains("\"next_best_action\":\"win_back\"")
                    .doesNotContain("c2@example.com");
        }
    }

    @Test
    void refusesToRunBeforeTheMetricTablesExist() throws IOException {
        CatalogConfig empty = CatalogConfig.embedded(Files.createDirectories(dir.resolve("empty")));
        IcebergTestTables.append(empty, RapportTables.CUSTOMER_PROFILE, List.of(profile("c1", null, null)));

        assertThatThrownBy(
                        () -> new FeedJob(empty, FeedConfig.defaults(), Optional.of(AS_OF)).run(1, new Configuration()))
                .hasMessageContaining("metrics.customer_timeline does not exist")
                .hasMessageContaining("rapport metrics");
    }

    // --- fixtures ---

    private static Map<String, Object> profile(String customer, String email, String phone) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("email", email);
        row.put("phone", phone);
        row.put("sources", List.of("crm"));
        row.put("record_count", 1);
        row.put("resolved_at", Instant.parse("2024-06-30T00:00:00Z"));
        return row;
    }

    private static Map<String, Object> event(
            String customer,
            String id,
            String time,
            String category,
            String type,
            String channel,
            String surveyType,
            Integer score,
            String ticket) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("event_id", id);
        row.put("event_time", Instant.parse(time));
        row.put("event_seq", 1L);
        row.put("category", category);
        row.put("event_type", type);
        row.put("channel", channel);
        row.put("survey_type", surveyType);
        row.put("score", score);
        row.put("ticket_id", ticket);
        row.put("order_id", type.equals("order") ? "o-" + id : null);
        row.put("source", "fixture");
        row.put("source_event_id", id);
        row.put("source_location", "fixture:" + id);
        row.put("linked_by", "customer_ref");
        row.put("linked_record", "fixture:" + customer);
        return row;
    }

    private static Map<String, Object> ticket(String id, String opened, String resolved) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", "helpdesk");
        row.put("ticket_id", id);
        row.put("priority", "normal");
        row.put("opened_at", Instant.parse(opened));
        row.put("resolved_at", Instant.parse(resolved));
        row.put("status", "resolved");
        row.put("first_response_target_minutes", 60L);
        row.put("resolution_target_minutes", 1440L);
        row.put("first_response_breached", false);
        row.put("resolution_breached", true);
        row.put("reopened", false);
        row.put("first_contact_resolution", false);
        row.put("as_of", Instant.parse("2024-06-30T00:00:00Z"));
        return row;
    }

    private static Map<String, Object> rfm(String customer, String segment) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("as_of", AS_OF);
        row.put("last_purchase_at", Instant.parse("2024-06-01T00:00:00Z"));
        row.put("recency_days", 29);
        row.put("frequency", 3L);
        row.put("monetary", new java.math.BigDecimal("120.00"));
        row.put("currency", "EUR");
        row.put("orders_other_currency", 0L);
        row.put("r_score", 3);
        row.put("f_score", 3);
        row.put("m_score", 3);
        row.put("rfm_segment", segment);
        return row;
    }

    private static Map<String, Object> health(String customer, double risk, String band, String reasons, int tickets) {
        Map<String, Object> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("churn_risk", risk);
        row.put("risk_band", band);
        row.put("as_of", AS_OF);
        row.put("reasons", reasons == null ? "" : reasons);
        row.put("open_tickets", tickets);
        row.put("breached_tickets", 0);
        row.put("recent_orders", 1);
        row.put("previous_orders", 1);
        return row;
    }

    private static Map<String, Object> consent(String customer, String channel, String consent) {
        return Map.of("customer_id", customer, "channel", channel, "consent", consent);
    }

    private Map<String, String> byCustomer(TableDefinition table, String column) {
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> row : IcebergTestTables.read(catalog, table)) {
            values.put((String) row.get("customer_id"), (String) row.get(column));
        }
        return values;
    }

    private Map<String, Object> row(TableDefinition table, String customer) {
        return IcebergTestTables.read(catalog, table).stream()
                .filter(row -> customer.equals(row.get("customer_id")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> copy = new ArrayList<>(rows);
        copy.sort(java.util.Comparator.comparing(Object::toString));
        return copy;
    }

    private static List<String> lines(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            return lines;
        }
    }

    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
