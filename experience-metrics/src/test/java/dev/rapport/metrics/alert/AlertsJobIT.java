package dev.rapport.metrics.alert;

import static dev.rapport.metrics.testing.IcebergTestTables.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.stream.KafkaTestBroker;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The closed loop on a real KRaft broker and a MiniCluster at parallelism 2: a promoter's and then a
 * detractor's response are produced to one partition; once the detractor's alert is committed, the
 * promoter's earlier offset has been read too, and {@code feeds.alerts} holds the detractor alone,
 * resolved to its customer, with its open tickets (not the resolved one).
 */
class AlertsJobIT {

    private static final int PARALLELISM = 2;
    private static final String TOPIC = "survey-responses";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static KafkaTestBroker broker;
    private static Path dataDir;
    private static CatalogConfig catalog;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaTestBroker.start();
        broker.createTopic(TOPIC, 1);
        dataDir = Files.createTempDirectory("alerts-it");
        catalog = CatalogConfig.embedded(dataDir);
        // crm:c1 and erp:E1 are customer K1; c1 has T1 open (on E1's record) and T2 open, T3 resolved
        IcebergTestTables.append(
                catalog, RapportTables.IDENTITY_MAP, List.of(link("crm", "c1", "K1"), link("erp", "E1", "K1")));
        List<Map<String, Object>> tickets = new ArrayList<>();
        tickets.add(ticketEvent("T1", "erp", "E1"));
        tickets.add(ticketEvent("T2", "crm", "c1"));
        tickets.add(ticketEvent("T3", "crm", "c1"));
        tickets.add(ticketEvent("T4", "crm", "c2"));
        IcebergTestTables.append(catalog, RapportTables.INTERACTIONS, tickets);
        IcebergTestTables.append(
                catalog,
                RapportTables.SUPPORT_SLA,
                List.of(sla("T1", "open"), sla("T2", "open"), sla("T3", "resolved"), sla("T4", "open")));
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void onlyTheDetractorRaisesAnAlertWithItsOpenTickets() throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(500));
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        AlertsConfig config = new AlertsConfig(
                broker.bootstrapServers(),
                TOPIC,
                "alerts-it",
                AlertsConfig.StartingOffsets.EARLIEST,
                AlertsConfig.LOOKUP_REFRESH_DEFAULT);
        new AlertsJob(catalog, config).build(env);
        JobClient job = env.executeAsync("alerts-it");
        try {
            broker.send(
                    TOPIC,
                    List.of(
                            Map.entry("p", json("R-1", 10, "c1", "Great service, thank you!")),
                            Map.entry("bad", "{not json".getBytes(StandardCharsets.UTF_8)),
                            Map.entry("d", json("R-2", 3, "c1", "Support never answered my emails."))));
            List<Map<String, Object>> alerts = List.of();
            // Awaits the detractor's commit; the test's own timeout is the only clock.
            while (alerts.isEmpty()) {
                assertThat(job.getJobStatus().get().isGloballyTerminalState())
                        .as("the alerts job stopped before writing an alert")
                        .isFalse();
                alerts = readAlerts();
                if (alerts.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertThat(alerts).hasSize(1);
            Map<String, Object> alert = alerts.get(0);
            assertThat(alert.get("alert_id")).isEqualTo("surveys:R-2");
            assertThat(alert.get("customer_id")).isEqualTo("K1");
            assertThat(alert.get("customer_ref")).isEqualTo("c1");
            assertThat(alert.get("score")).isEqualTo(3);
            assertThat(alert.get("comment")).isEqualTo("Support never answered my emails.");
            assertThat(alert.get("open_tickets")).isEqualTo(List.of("helpdesk:T1", "helpdesk:T2"));
            assertThat(alert.get("open_ticket_count")).isEqualTo(2);
            assertThat(alert.get("responded_at")).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
            assertThat(alert.get("kafka_location")).isEqualTo(TOPIC + "/0/2");
        } finally {
            job.cancel().get();
        }
    }

    private static List<Map<String, Object>> readAlerts() {
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            if (!rapport.exists(RapportTables.ALERTS)) {
                return List.of();
            }
        }
        return IcebergTestTables.read(catalog, RapportTables.ALERTS);
    }

    private static byte[] json(String id, int score, String customer, String comment) {
        return ("{\"source\": \"surveys\", \"response_id\": \"" + id + "\", \"survey_type\": \"NPS\", \"score\": "
                        + score + ", \"customer_source\": \"crm\", \"customer_ref\": \"" + customer
                        + "\", \"comment\": \"" + comment
                        + "\", \"comment_language\": \"en\", \"responded_at\": \"2024-03-01T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> link(String source, String id, String customer) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", source);
        row.put("source_id", id);
        row.put("record_id", source + "/" + id);
        row.put("customer_id", customer);
        row.put("match_rule", "fixture");
        row.put("resolved_at", Instant.parse("2024-03-01T00:00:00Z"));
        return row;
    }

    private static Map<String, Object> ticketEvent(String ticket, String customerSource, String customerRef) {
        Map<String, Object> event = interaction(
                ticket + "-opened", "helpdesk", "support", "ticket_opened", Instant.parse("2024-02-28T09:00:00Z"));
        event.put("ticket_id", ticket);
        event.put("customer_source", customerSource);
        event.put("customer_ref", customerRef);
        return event;
    }

    private static Map<String, Object> sla(String ticket, String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", "helpdesk");
        row.put("ticket_id", ticket);
        row.put("priority", "normal");
        row.put("opened_at", Instant.parse("2024-02-28T09:00:00Z"));
        row.put("status", status);
        row.put("first_response_target_minutes", 480L);
        row.put("resolution_target_minutes", 2880L);
        row.put("first_response_breached", false);
        row.put("resolution_breached", false);
        row.put("reopened", false);
        row.put("first_contact_resolution", false);
        row.put("as_of", Instant.parse("2024-03-01T00:00:00Z"));
        return row;
    }
}
