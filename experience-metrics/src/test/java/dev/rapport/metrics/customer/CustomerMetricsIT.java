package dev.rapport.metrics.customer;

import static dev.rapport.metrics.testing.IcebergTestTables.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetricsJob} twice on a MiniCluster at parallelism 2 over seven resolved customers'
 * orders, tickets, NPS answers and emails and checks the customer metric tables against values
 * worked out by hand below. Exchange rate USD 0.5 EUR; every other setting is the default.
 *
 * <p>as_of = 2026-12-01, the UTC day of the latest event (an anonymous page view at 12:00). The
 * RFM window is 2025-12-02..2026-12-01 (365 days).
 *
 * <pre>
 * customer  orders (EUR unless said)                              recency freq monetary other
 * c1        11-30 11-20 11-10 10-01 09-15, 100 each                   1     5     500     0
 * c2        11-29 50, 11-01 50, 09-01 50                              2     3     150     0
 * c3        12-01 30                                                  0     1      30     0
 * c4        06-10 200 USD (=100), 05-01 300, 04-01 10 GBP, 03-01 100  174    4     500     1
 * c5        2025-06-01 1000, 2025-12-01 500 (outside), 2025-12-02 20  364    1      20     0
 * c6        10-15 07-01 07-15 08-01 08-15, 60 each                    47     5     300     0
 * c7        no order: no RFM row
 * </pre>
 *
 * Six customers; score = 1 + floor(5 x strictly worse / 6): worse 0,1 -> 1; 2 -> 2; 3 -> 3; 4 -> 4;
 * 5 -> 5. Recency (more days is worse): c3 5 -> 5, c1 4 -> 4, c2 3 -> 3, c6 2 -> 2, c4 1 -> 1,
 * c5 0 -> 1. Frequency: c1, c6 (5) worse 4 -> 4; c4 3 -> 3; c2 2 -> 2; c3, c5 0 -> 1. Monetary: c1,
 * c4 (500) worse 4 -> 4; c6 3 -> 3; c2 2 -> 2; c3 1 -> 1; c5 0 -> 1. Segments: c1 4/4/4
 * champions; c2 3/2/2 promising; c3 5/1/1 new_customer; c4 1/3/4 at_risk; c5 1/1/1 lost; c6 2/4/3
 * at_risk (r 1-2, f 3-5).
 *
 * <p>Five more events were deleted in their sources ({@code deleted_at} set) and count nowhere: an
 * order of c3 on 11-15 (1000 EUR), an NPS 0 of c4 on 11-20, ticket T8 of c6, the reply to T1 and
 * a page view on 12-09 (which would have moved as_of). Every figure below is without them.
 */
class CustomerMetricsIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7");

    private static Path dataDir;
    private static CatalogConfig catalog;
    private static Map<String, Map<String, Object>> rfm;
    private static Map<String, Map<String, Object>> health;
    private static Map<String, Map<String, Object>> tickets;
    private static Map<TableDefinition, List<Map<String, Object>>> firstRun;
    private static Map<TableDefinition, List<Map<String, Object>>> secondRun;

    @BeforeAll
    static void runTwice() throws IOException {
        dataDir = Files.createTempDirectory("customer-metrics-it");
        catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String day : List.of("2026-11-30", "2026-11-20", "2026-11-10", "2026-10-01", "2026-09-15")) {
            events.add(order("c1", day, "100.00", "EUR"));
        }
        for (String day : List.of("2026-11-29", "2026-11-01", "2026-09-01")) {
            events.add(order("c2", day, "50.00", "EUR"));
        }
        events.add(order("c3", "2026-12-01", "30.00", "EUR"));
        events.add(order("c4", "2026-06-10", "200.00", "USD"));
        events.add(order("c4", "2026-05-01", "300.00", "EUR"));
        events.add(order("c4", "2026-04-01", "10.00", "GBP"));
        events.add(order("c4", "2026-03-01", "100.00", "EUR"));
        events.add(order("c5", "2025-06-01", "1000.00", "EUR"));
        events.add(order("c5", "2025-12-01", "500.00", "EUR"));
        events.add(order("c5", "2025-12-02", "20.00", "EUR"));
        for (String day : List.of("2026-10-15", "2026-07-01", "2026-07-15", "2026-08-01", "2026-08-15")) {
            events.add(order("c6", day, "60.00", "EUR"));
        }
        // Tickets (helpdesk); support_sla's clock is the latest event, 2026-12-01T12:00.
        events.add(ticket("T1", "ticket_opened", "2026-11-28T12:00:00Z", "c2", "high"));
        events.add(ticket("T2", "ticket_opened", "2026-11-30T20:00:00Z", "c2", "normal"));
        events.add(ticket("T2", "ticket_replied", "2026-11-30T21:00:00Z", "c2", "normal"));
        events.add(ticket("T3", "ticket_opened", "2026-12-01T09:00:00Z", "c5", "urgent"));
        events.add(ticket("T4", "ticket_opened", "2026-11-25T12:00:00Z", "c7", "low"));
        events.add(ticket("T4", "ticket_replied", "2026-11-25T13:00:00Z", "c7", "low"));
        events.add(ticket("T5", "ticket_opened", "2026-11-02T10:00:00Z", "c1", "normal"));
        events.add(ticket("T5", "ticket_replied", "2026-11-02T10:30:00Z", "c1", "normal"));
        events.add(ticket("T5", "ticket_resolved", "2026-11-02T11:00:00Z", "c1", "normal"));
        events.add(ticket("T6", "ticket_opened", "2026-12-01T11:00:00Z", "nobody", "normal"));
        events.add(ticket("T7", "ticket_opened", "2026-12-01T11:00:00Z", "nobody", "normal"));
        // NPS answers
        events.add(nps("c2", "2026-05-01T10:00:00Z", 10));
        events.add(nps("c2", "2026-10-02T10:00:00Z", 3));
        events.add(nps("c4", "2026-11-01T10:00:00Z", 9));
        events.add(nps("c5", "2025-06-01T10:00:00Z", 2));
        events.add(nps("c7", "2026-11-30T08:00:00Z", 6));
        // An earlier answer of c2 on the same day: one respondent, one voice (the 10:00 one counts).
        events.add(nps("c2", "2026-10-02T09:00:00Z", 9));
        // An anonymous answer: no customer key, no email.
        Map<String, Object> anonymous = interaction(
                "nps-anonymous", "surveys", "survey", "survey_response", Instant.parse("2026-11-30T09:00:00Z"));
        anonymous.put("survey_type", "NPS");
        anonymous.put("score", 8);
        events.add(anonymous);
        // Email engagement (a send is not engagement)
        events.add(email("c1", "email_open", "2026-11-25"));
        events.add(email("c2", "email_open", "2026-11-30"));
        events.add(email("c3", "email_click", "2026-08-03"));
        events.add(email("c3", "email_sent", "2026-11-20"));
        events.add(email("c5", "email_open", "2026-09-02"));
        events.add(email("c6", "email_open", "2026-10-02"));
        // The latest event of the data, on nobody's timeline: as_of is its day.
        events.add(interaction("view-1", "web", "web", "page_view", Instant.parse("2026-12-01T12:00:00Z")));
        // Deleted in their sources (deleted_at set, as ingestion stores a change event with op d):
        // they count nowhere, and the latest of them does not move as_of.
        events.add(deleted(order("c3", "2026-11-15", "1000.00", "EUR")));
        events.add(deleted(nps("c4", "2026-11-20T10:00:00Z", 0)));
        events.add(deleted(ticket("T8", "ticket_opened", "2026-11-29T12:00:00Z", "c6", "urgent")));
        events.add(deleted(ticket("T1", "ticket_replied", "2026-11-28T13:00:00Z", "c2", "high")));
        events.add(
                deleted(interaction("view-deleted", "web", "web", "page_view", Instant.parse("2026-12-09T12:00:00Z"))));
        IcebergTestTables.append(catalog, RapportTables.INTERACTIONS, events);
        appendCustomers();
        MetricsConfig config =
                MetricsConfig.fromMap(Map.of("rfm", Map.of("exchange_rates", Map.of("USD", 0.5))), "metrics");
        Configuration settings = new Configuration();
        settings.set(PipelineOptions.GENERIC_TYPES, false);
        new MetricsJob(catalog, config).run(PARALLELISM, settings);
        firstRun = readAll();
        new MetricsJob(catalog, config).run(PARALLELISM, settings);
        secondRun = readAll();
        rfm = byKey(firstRun.get(RapportTables.CUSTOMER_RFM), "customer_id");
        health = byKey(firstRun.get(RapportTables.CUSTOMER_HEALTH), "customer_id");
        tickets = byKey(firstRun.get(RapportTables.TICKET_PRIORITY), "ticket_id");
    }

    private static Map<TableDefinition, List<Map<String, Object>>> readAll() {
        Map<TableDefinition, List<Map<String, Object>>> tables = new HashMap<>();
        for (TableDefinition table : List.of(
                RapportTables.CUSTOMER_RFM,
                RapportTables.CUSTOMER_HEALTH,
                RapportTables.TICKET_PRIORITY,
                RapportTables.NPS_DAILY)) {
            List<Map<String, Object>> rows = new ArrayList<>(IcebergTestTables.read(catalog, table));
            rows.sort(Comparator.comparing(Object::toString));
            tables.put(table, rows);
        }
        return tables;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        Map<String, Map<String, Object>> keyed = new TreeMap<>();
        rows.forEach(row -> keyed.put(String.valueOf(row.get(key)), row));
        assertThat(keyed).hasSameSizeAs(rows);
        return keyed;
    }

    private static void appendCustomers() {
        List<Map<String, Object>> records = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (String customer : CUSTOMERS) {
            Map<String, Object> record = new HashMap<>();
            record.put("record_id", "crm/" + customer);
            record.put("source", "crm");
            record.put("source_id", customer);
            record.put("source_location", "fixture");
            record.put("ingested_at", Instant.parse("2026-12-01T00:00:00Z"));
            record.put("ingest_run_id", "fixture");
            records.add(record);
            Map<String, Object> link = new HashMap<>();
            link.put("source", "crm");
            link.put("source_id", customer);
            link.put("record_id", "crm/" + customer);
            link.put("customer_id", "K-" + customer);
            link.put("match_rule", "fixture");
            link.put("resolved_at", Instant.parse("2026-12-01T00:00:00Z"));
            links.add(link);
        }
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_RECORDS, records);
        IcebergTestTables.append(catalog, RapportTables.IDENTITY_MAP, links);
    }

    private static Map<String, Object> ticket(
            String ticket, String type, String time, String customer, String priority) {
        Map<String, Object> event = interaction(ticket + "-" + type, "helpdesk", "support", type, Instant.parse(time));
        event.put("ticket_id", ticket);
        event.put("priority", priority);
        event.put("customer_source", "crm");
        event.put("customer_ref", customer);
        return event;
    }

    private static Map<String, Object> nps(String customer, String time, int score) {
        Map<String, Object> event = interaction(
                "nps-" + customer + "-" + time, "surveys", "survey", "survey_response", Instant.parse(time));
        event.put("survey_type", "NPS");
        event.put("score", score);
        event.put("customer_source", "crm");
        event.put("customer_ref", customer);
        return event;
    }

    private static Map<String, Object> email(String customer, String type, String day) {
        Map<String, Object> event =
                interaction(type + "-" + customer + "-" + day, "esp", "email", type, Instant.parse(day + "T08:00:00Z"));
        event.put("campaign_id", "autumn");
        event.put("customer_source", "crm");
        event.put("customer_ref", customer);
        return event;
    }

    private static Map<String, Object> deleted(Map<String, Object> event) {
        event.put("deleted_at", Instant.parse("2026-12-10T00:00:00Z"));
        return event;
    }

    private static Map<String, Object> order(String customer, String day, String amount, String currency) {
        String id = "order-" + customer + "-" + day;
        Map<String, Object> event = interaction(id, "shop", "commerce", "order", Instant.parse(day + "T10:00:00Z"));
        event.put("order_id", id);
        event.put("amount", new BigDecimal(amount));
        event.put("currency", currency);
        event.put("customer_source", "crm");
        event.put("customer_ref", customer);
        return event;
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static void assertRfm(
            String customer,
            String lastPurchaseDay,
            int recency,
            long frequency,
            String monetary,
            long otherCurrency,
            int r,
            int f,
            int m,
            String segment) {
        Map<String, Object> row = rfm.get("K-" + customer);
        assertThat(row).as(customer).isNotNull();
        assertThat(row.get("as_of")).as(customer).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(((OffsetDateTime) row.get("last_purchase_at")).toInstant())
                .as(customer)
                .isEqualTo(Instant.parse(lastPurchaseDay + "T10:00:00Z"));
        assertThat(row.get("recency_days")).as(customer).isEqualTo(recency);
        assertThat(row.get("frequency")).as(customer).isEqualTo(frequency);
        assertThat(row.get("monetary")).as(customer).isEqualTo(new BigDecimal(monetary));
        assertThat(row.get("currency")).as(customer).isEqualTo("EUR");
        assertThat(row.get("orders_other_currency")).as(customer).isEqualTo(otherCurrency);
        assertThat(List.of(row.get("r_score"), row.get("f_score"), row.get("m_score")))
                .as(customer)
                .containsExactly(r, f, m);
        assertThat(row.get("rfm_segment")).as(customer).isEqualTo(segment);
    }

    @Test
    void rfmScoresAndSegmentsMatchTheHandComputedQuintiles() {
        assertThat(rfm.keySet()).containsExactly("K-c1", "K-c2", "K-c3", "K-c4", "K-c5", "K-c6");
        assertRfm("c1", "2026-11-30", 1, 5, "500.00", 0, 4, 4, 4, "champions");
        assertRfm("c2", "2026-11-29", 2, 3, "150.00", 0, 3, 2, 2, "promising");
        assertRfm("c3", "2026-12-01", 0, 1, "30.00", 0, 5, 1, 1, "new_customer");
        assertRfm("c4", "2026-06-10", 174, 4, "500.00", 1, 1, 3, 4, "at_risk");
        assertRfm("c5", "2025-12-02", 364, 1, "20.00", 0, 1, 1, 1, "lost");
        assertRfm("c6", "2026-10-15", 47, 5, "300.00", 0, 2, 4, 3, "at_risk");
    }

    /**
     * metrics.nps_daily by segment (every answer has channel and touchpoint 'unknown' and no
     * comment language): the RFM segment of the answer's customer (c2 promising, c4 at_risk, c5
     * lost), 'no_purchase' for c7 (resolved, no order), 'unknown' for the anonymous answer. c2's two
     * answers of 10-02 are one voice: the latest, 3, counts.
     *
     * <pre>
     * day         segment      responses promoters passives detractors
     * 2025-06-01  lost                 1         0        0          1   (c5: 2)
     * 2026-05-01  promising            1         1        0          0   (c2: 10)
     * 2026-10-02  promising            1         0        0          1   (c2: 3, not 9)
     * 2026-11-01  at_risk              1         1        0          0   (c4: 9)
     * 2026-11-30  no_purchase          1         0        0          1   (c7: 6)
     * 2026-11-30  unknown              1         0        1          0   (anonymous: 8)
     * </pre>
     */
    @Test
    void npsDailyIsBrokenDownByTheRespondentsRfmSegment() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : firstRun.get(RapportTables.NPS_DAILY)) {
            assertThat(List.of(row.get("channel"), row.get("touchpoint"), row.get("language")))
                    .containsExactly("unknown", "unknown", "unknown");
            rows.add(row.get("day") + " " + row.get("segment") + " " + row.get("responses") + " " + row.get("promoters")
                    + " " + row.get("passives") + " " + row.get("detractors"));
        }
        rows.sort(null);
        assertThat(rows)
                .containsExactly(
                        "2025-06-01 lost 1 0 0 1",
                        "2026-05-01 promising 1 1 0 0",
                        "2026-10-02 promising 1 0 0 1",
                        "2026-11-01 at_risk 1 1 0 0",
                        "2026-11-30 no_purchase 1 0 0 1",
                        "2026-11-30 unknown 1 0 1 0");
    }

    private static void assertHealth(
            String customer,
            double risk,
            String band,
            String reasons,
            Integer lastNps,
            int open,
            int breached,
            int recent,
            int previous,
            Integer daysSinceEmail) {
        Map<String, Object> row = health.get("K-" + customer);
        assertThat(row).as(customer).isNotNull();
        assertThat(row.get("as_of")).as(customer).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat((Double) row.get("churn_risk")).as(customer).isEqualTo(risk);
        assertThat(row.get("risk_band")).as(customer).isEqualTo(band);
        assertThat(row.get("reasons")).as(customer).isEqualTo(reasons);
        assertThat(row.get("last_nps")).as(customer).isEqualTo(lastNps);
        assertThat(List.of(row.get("open_tickets"), row.get("breached_tickets")))
                .as(customer)
                .containsExactly(open, breached);
        assertThat(List.of(row.get("recent_orders"), row.get("previous_orders")))
                .as(customer)
                .containsExactly(recent, previous);
        assertThat(row.get("days_since_email_engagement")).as(customer).isEqualTo(daysSinceEmail);
    }

    /**
     * Default weights: detractor 0.35, breached ticket 0.15, open ticket 0.05, order decline 0.20 x
     * share lost, email inactive (60+ days) 0.15; medium from 0.25, high from 0.5. Windows: recent
     * 2026-09-03..12-01, previous 2026-06-05..09-02. Tickets at 2026-12-01T12:00: T1 (c2, high)
     * unanswered for 72 h, past 4 h -> breached; T2 (c2, normal) answered in 1 h, 16 h of 48 ->
     * open, in time; T3 (c5, urgent) unanswered 3 h, past 1 h -> breached; T4 (c7, low) answered,
     * open 6 days, past 72 h -> breached; T5 (c1) resolved.
     */
    @Test
    void churnRiskAddsTheWeightedSignalsWithReasonsLargestFirst() {
        assertThat(health.keySet()).containsExactly("K-c1", "K-c2", "K-c3", "K-c4", "K-c5", "K-c6", "K-c7");
        // c1: 5 recent orders, none before, opened an email 6 days ago: nothing
        assertHealth("c1", 0.0, "low", "no risk signals", null, 0, 0, 5, 0, 6);
        // c2: 0.35 (scored 3 on 10-02, the latest answer) + 0.15 (T1) + 2 x 0.05 = 0.60
        assertHealth(
                "c2",
                0.6,
                "high",
                "detractor: scored 3 on 2026-10-02; 1 support ticket past its SLA; 2 open support tickets",
                3,
                2,
                1,
                2,
                1,
                1);
        // c3: last click 08-03, 120 days: 0.15
        assertHealth("c3", 0.15, "low", "no email opened in 120 days", null, 0, 0, 1, 0, 120);
        // c4: 0 orders vs 1 (06-10): 0.20 x 1/1; a promoter; never opened an email (no signal)
        assertHealth(
                "c4", 0.2, "low", "ordering less often: 0 orders in the last 90 days vs 1 before", 9, 0, 0, 0, 1, null);
        // c5: scored 2 on 2025-06-01, more than 365 days ago (no signal); T3 breached 0.15 + open
        // 0.05; last open 09-02, 90 days: 0.15 (equal to the ticket's, listed after it) = 0.35
        assertHealth(
                "c5",
                0.35,
                "medium",
                "1 support ticket past its SLA; no email opened in 90 days; 1 open support ticket",
                2,
                1,
                1,
                0,
                0,
                90);
        // c6: 1 order vs 4: 0.20 x 3/4 = 0.15; last open 10-02, 60 days: 0.15 -> 0.30
        assertHealth(
                "c6",
                0.3,
                "medium",
                "ordering less often: 1 order in the last 90 days vs 4 before; no email opened in 60 days",
                null,
                0,
                0,
                1,
                4,
                60);
        // c7: scored 6 on 11-30: 0.35; T4 breached 0.15 + open 0.05 -> 0.55; no orders, no email
        assertHealth(
                "c7",
                0.55,
                "high",
                "detractor: scored 6 on 2026-11-30; 1 support ticket past its SLA; 1 open support ticket",
                6,
                1,
                1,
                0,
                0,
                null);
        assertThat(((OffsetDateTime) health.get("K-c2").get("last_nps_at")).toInstant())
                .isEqualTo(Instant.parse("2026-10-02T10:00:00Z"));
    }

    private static void assertTicket(
            String ticket, String customer, String dueAt, double score, int rank, String reasons) {
        Map<String, Object> row = tickets.get(ticket);
        assertThat(row).as(ticket).isNotNull();
        assertThat(row.get("source")).as(ticket).isEqualTo("helpdesk");
        assertThat(row.get("customer_id")).as(ticket).isEqualTo(customer == null ? null : "K-" + customer);
        assertThat(((OffsetDateTime) row.get("sla_due_at")).toInstant())
                .as(ticket)
                .isEqualTo(Instant.parse(dueAt));
        assertThat((Double) row.get("priority_score")).as(ticket).isEqualTo(score);
        assertThat(row.get("priority_rank")).as(ticket).isEqualTo(rank);
        assertThat(row.get("reasons")).as(ticket).isEqualTo(reasons);
    }

    /**
     * Open tickets at 2026-12-01T12:00 (T5 is resolved). SLA 0.30 when past the resolution
     * target, else 0.30 x (1 - hours left / 24); churn 0.25 x churn_risk; value 0.25 x m_score / 5;
     * detractor 0.15; repeat contact 0.10.
     *
     * <pre>
     * T1 c2 high   due 11-29 12:00, 48 h past 0.30 + churn 0.15 + detractor 0.15 + value 2/5 0.10 = 0.70
     * T4 c7 low    due 11-28 12:00, 72 h past 0.30 + detractor 0.15 + churn 0.1375 (no RFM)      = 0.5875
     * T2 c2 normal due 12-02 20:00, 32 h left 0 + churn 0.15 + detractor 0.15 + value 0.10
     *              + repeat (T1 opened 2.3 days before) 0.10                                   = 0.50
     * T3 c5 urgent due 12-01 17:00, 5 h left 0.30 x 19/24 = 0.2375 + churn 0.0875 + value 0.05 = 0.375
     * T6, T7 nobody, normal, both opened 12-01 11:00, 47 h left: 0; tie broken by ticket_id
     * </pre>
     */
    @Test
    void openTicketsAreRankedByTheirScoreWithReasons() {
        assertThat(tickets.keySet()).containsExactly("T1", "T2", "T3", "T4", "T6", "T7");
        assertTicket(
                "T1",
                "c2",
                "2026-11-29T12:00:00Z",
                0.7,
                1,
                "48.0 hours past the SLA target; churn risk 0.60 (high); detractor: scored 3 on 2026-10-02;"
                        + " customer value: monetary score 2 of 5 (promising)");
        assertTicket(
                "T4",
                "c7",
                "2026-11-28T12:00:00Z",
                0.5875,
                2,
                "72.0 hours past the SLA target; detractor: scored 6 on 2026-11-30; churn risk 0.55 (high)");
        assertTicket(
                "T2",
                "c2",
                "2026-12-02T20:00:00Z",
                0.5,
                3,
                "churn risk 0.60 (high); detractor: scored 3 on 2026-10-02; customer value: monetary score 2 of 5"
                        + " (promising); repeat contact: another ticket in the 7 days before; 32.0 hours left to the"
                        + " SLA target");
        assertTicket(
                "T3",
                "c5",
                "2026-12-01T17:00:00Z",
                0.375,
                4,
                "5.0 hours left to the SLA target; churn risk 0.35 (medium); customer value: monetary score 1 of 5"
                        + " (lost)");
        assertTicket("T6", null, "2026-12-03T11:00:00Z", 0.0, 5, "47.0 hours left to the SLA target");
        assertTicket("T7", null, "2026-12-03T11:00:00Z", 0.0, 6, "47.0 hours left to the SLA target");
        assertThat(tickets.get("T3").get("priority")).isEqualTo("urgent");
    }

    @Test
    void deletedEventsCountNowhere() {
        List<Object> timeline = IcebergTestTables.read(catalog, RapportTables.CUSTOMER_TIMELINE).stream()
                .map(row -> row.get("event_id"))
                .toList();
        assertThat(timeline)
                .contains("order-c3-2026-12-01", "nps-c4-2026-11-01T10:00:00Z", "T1-ticket_opened")
                .doesNotContain(
                        "order-c3-2026-11-15",
                        "nps-c4-2026-11-20T10:00:00Z",
                        "T8-ticket_opened",
                        "T1-ticket_replied",
                        "view-deleted");
        // RFM: c3 has its one live order; as_of is the latest live event's day, not 12-09.
        assertThat(rfm.get("K-c3").get("frequency")).isEqualTo(1L);
        assertThat(rfm.get("K-c3").get("monetary")).isEqualTo(new BigDecimal("30.00"));
        assertThat(rfm.values()).allSatisfy(row -> assertThat(row.get("as_of")).isEqualTo(LocalDate.of(2026, 12, 1)));
        // NPS: no response on 11-20; c4's latest answer is still the 9 of 11-01.
        assertThat(firstRun.get(RapportTables.NPS_DAILY))
                .noneSatisfy(row -> assertThat(row.get("day")).isEqualTo(LocalDate.of(2026, 11, 20)));
        assertThat(health.get("K-c4").get("last_nps")).isEqualTo(9);
        // Support: T8 is no ticket; T1 is still unanswered (its reply was deleted), so breached.
        assertThat(tickets).doesNotContainKey("T8");
        assertThat(health.get("K-c6").get("open_tickets")).isEqualTo(0);
        assertThat(health.get("K-c2").get("breached_tickets")).isEqualTo(1);
    }

    @Test
    void aRerunOverTheSameDataChangesNothing() {
        assertThat(secondRun).isEqualTo(firstRun);
    }
}
