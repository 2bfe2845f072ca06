package dev.rapport.metrics.journey;

import static dev.rapport.metrics.testing.IcebergTestTables.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.support.SlaPolicy;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetricsJob} on a MiniCluster at parallelism 2 over seven resolved customers' journeys
 * (below, times UTC, all in 2024) and checks {@code metrics.journey_stages} and {@code
 * metrics.stage_transitions} against stages, durations and nearest-rank percentiles worked out by
 * hand; then reruns it (nothing changes) and runs it as of March with other windows.
 *
 * <pre>
 * A (crm record created 01-05 00:00)  a1 01-10 10:00 web_visit/web      first_seen
 *                                     a2 01-11 10:00 email_machine_open (not engagement)
 *                                     a3 01-12 10:00 email_open/email   email_engaged
 *                                     a4 01-13 10:00 order O-a1/web     first_purchase
 *                                     a5 01-14 10:00 order O-a1 again   (same purchase)
 *                                     a6 02-12 10:00 order O-a2/web     repeat_purchase
 *                                     a7 02-20 10:00 ticket_opened/chat support_contact
 *                                     a8 02-21 10:00 NPS 3/email        detractor
 *                                     a9 03-01 10:00 ticket_replied     (not the customer's activity)
 *   lead = the crm record, 01-05 00:00; churned = a8 + 180 days = 08-19 10:00
 * B (erp)  b1 01-20 08:00 order/store: first_seen and first_purchase; b2 01-25 web_visit (after the
 *          purchase: no lead); b3 06-01 08:00 order: repeat_purchase (133 days: outside 90);
 *          b4 12-31 12:00 NPS 10/web: promoter, the latest event, so the as-of day is 12-31
 * C (crm, no created_at)  c1 01-31 23:30 email_sent/email first_seen (cohort January);
 *          c2 02-01 00:30 email_click: lead and email_engaged (1 h); c3 02-02 email_open
 * D (crm record created 01-15 12:00)  d1 01-15 09:00 web_visit/web: first_seen and lead (before the
 *          record); d2 01-16 09:00 email_open; d3 01-20 09:00 order; d4 03-20 09:00 order: repeat;
 *          churned = d4 + 180 days = 09-16 09:00
 * E (erp)  e-01 and e-02 02-10 10:00 app_visit/app and web_visit/web: the tie goes to e-01 (app);
 *          e3 02-11 10:00 ticket_opened/chat; e4 02-12 10:00 NPS 9/web: promoter
 * H (erp)  h1 01-03 00:00 web_visit/web, h2 01-03 06:00 email_open
 * I (erp)  i1 01-04 00:00 web_visit/web, i2 01-08 04:00 email_open (100 h)
 * G (crm record created 01-02, no events): no journey; an event of an unknown customer: on no one's
 * </pre>
 */
class JourneyMetricsIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static Path dataDir;
    private static CatalogConfig catalog;
    private static List<Map<String, Object>> stages;
    private static List<Map<String, Object>> transitions;
    private static List<Map<String, Object>> stagesRerun;
    private static List<Map<String, Object>> transitionsRerun;
    private static List<Map<String, Object>> stagesAsOfMarch;
    private static List<Map<String, Object>> transitionsAsOfMarch;

    @BeforeAll
    static void runThreeTimes() throws IOException {
        dataDir = Files.createTempDirectory("journey-metrics-it");
        catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event("a1", "A", "web", "web_visit", "web", "2024-01-10T10:00:00Z"));
        events.add(event("a2", "A", "email", "email_machine_open", "email", "2024-01-11T10:00:00Z"));
        events.add(event("a3", "A", "email", "email_open", "email", "2024-01-12T10:00:00Z"));
        events.add(order("a4", "A", "O-a1", "web", "2024-01-13T10:00:00Z"));
        events.add(order("a5", "A", "O-a1", "web", "2024-01-14T10:00:00Z"));
        events.add(order("a6", "A", "O-a2", "web", "2024-02-12T10:00:00Z"));
        events.add(event("a7", "A", "support", "ticket_opened", "chat", "2024-02-20T10:00:00Z"));
        events.add(nps("a8", "A", 3, "email", "2024-02-21T10:00:00Z"));
        events.add(event("a9", "A", "support", "ticket_replied", "chat", "2024-03-01T10:00:00Z"));
        events.add(order("b1", "B", "O-b1", "store", "2024-01-20T08:00:00Z"));
        events.add(event("b2", "B", "web", "web_visit", "web", "2024-01-25T08:00:00Z"));
        events.add(order("b3", "B", "O-b2", "store", "2024-06-01T08:00:00Z"));
        events.add(nps("b4", "B", 10, "web", "2024-12-31T12:00:00Z"));
        events.add(event("c1", "C", "email", "email_sent", "email", "2024-01-31T23:30:00Z"));
        events.add(event("c2", "C", "email", "email_click", "email", "2024-02-01T00:30:00Z"));
        events.add(event("c3", "C", "email", "email_open", "email", "2024-02-02T00:30:00Z"));
        events.add(event("d1", "D", "web", "web_visit", "web", "2024-01-15T09:00:00Z"));
        events.add(event("d2", "D", "email", "email_open", "email", "2024-01-16T09:00:00Z"));
        events.add(order("d3", "D", "O-d1", "web", "2024-01-20T09:00:00Z"));
        events.add(order("d4", "D", "O-d2", "web", "2024-03-20T09:00:00Z"));
        events.add(event("e-01", "E", "web", "app_visit", "app", "2024-02-10T10:00:00Z"));
        events.add(event("e-02", "E", "web", "web_visit", "web", "2024-02-10T10:00:00Z"));
        events.add(event("e3", "E", "support", "ticket_opened", "chat", "2024-02-11T10:00:00Z"));
        events.add(nps("e4", "E", 9, "web", "2024-02-12T10:00:00Z"));
        events.add(event("h1", "H", "web", "web_visit", "web", "2024-01-03T00:00:00Z"));
        events.add(event("h2", "H", "email", "email_open", "email", "2024-01-03T06:00:00Z"));
        events.add(event("i1", "I", "web", "web_visit", "web", "2024-01-04T00:00:00Z"));
        events.add(event("i2", "I", "email", "email_open", "email", "2024-01-08T04:00:00Z"));
        events.add(event("x1", "nobody", "web", "web_visit", "web", "2024-01-05T00:00:00Z"));
        IcebergTestTables.append(catalog, RapportTables.INTERACTIONS, events);

        List<Map<String, Object>> records = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        addCustomer("A", "crm", "2024-01-05T00:00:00Z", records, links);
        addCustomer("B", "erp", "2023-06-01T00:00:00Z", records, links);
        addCustomer("C", "crm", null, records, links);
        addCustomer("D", "crm", "2024-01-15T12:00:00Z", records, links);
        addCustomer("E", "erp", null, records, links);
        addCustomer("G", "crm", "2024-01-02T00:00:00Z", records, links);
        addCustomer("H", "erp", null, records, links);
        addCustomer("I", "erp", null, records, links);
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_RECORDS, records);
        IcebergTestTables.append(catalog, RapportTables.IDENTITY_MAP, links);

        Configuration settings = new Configuration();
        settings.set(PipelineOptions.GENERIC_TYPES, false);
        new MetricsJob(catalog, MetricsConfig.defaults()).run(PARALLELISM, settings);
        stages = IcebergTestTables.read(catalog, RapportTables.JOURNEY_STAGES);
        transitions = IcebergTestTables.read(catalog, RapportTables.STAGE_TRANSITIONS);

        new MetricsJob(catalog, MetricsConfig.defaults()).run(PARALLELISM, settings);
        stagesRerun = IcebergTestTables.read(catalog, RapportTables.JOURNEY_STAGES);
        transitionsRerun = IcebergTestTables.read(catalog, RapportTables.STAGE_TRANSITIONS);

        MetricsConfig asOfMarch = new MetricsConfig(
                Optional.empty(),
                Optional.of(LocalDate.of(2024, 3, 10)),
                SlaPolicy.defaults(),
                Optional.empty(),
                new JourneyConfig(7, 30));
        new MetricsJob(catalog, asOfMarch).run(PARALLELISM, settings);
        stagesAsOfMarch = IcebergTestTables.read(catalog, RapportTables.JOURNEY_STAGES);
        transitionsAsOfMarch = IcebergTestTables.read(catalog, RapportTables.STAGE_TRANSITIONS);
    }

    private static Map<String, Object> event(
            String id, String customer, String category, String type, String channel, String time) {
        Map<String, Object> event = interaction(id, "fixture", category, type, Instant.parse(time));
        event.put("channel", channel);
        event.put(
                "customer_source",
                customer.equals("C") || customer.equals("A") || customer.equals("D") ? "crm" : "erp");
        event.put("customer_ref", customer);
        return event;
    }

    private static Map<String, Object> order(String id, String customer, String order, String channel, String time) {
        Map<String, Object> event = event(id, customer, "commerce", "order", channel, time);
        event.put("order_id", order);
        return event;
    }

    private static Map<String, Object> nps(String id, String customer, int score, String channel, String time) {
        Map<String, Object> event = event(id, customer, "survey", "survey_response", channel, time);
        event.put("survey_type", "NPS");
        event.put("score", score);
        return event;
    }

    private static void addCustomer(
            String customer,
            String source,
            String createdAt,
            List<Map<String, Object>> records,
            List<Map<String, Object>> links) {
        Map<String, Object> record = new HashMap<>();
        record.put("record_id", source + "/" + customer);
        record.put("source", source);
        record.put("source_id", customer);
        if (createdAt != null) {
            record.put("created_at", Instant.parse(createdAt));
        }
        record.put("source_location", "fixture");
        record.put("ingested_at", Instant.parse("2025-01-01T00:00:00Z"));
        record.put("ingest_run_id", "fixture");
        records.add(record);
        Map<String, Object> link = new HashMap<>();
        link.put("source", source);
        link.put("source_id", customer);
        link.put("record_id", source + "/" + customer);
        link.put("customer_id", "K-" + customer);
        link.put("match_rule", "fixture");
        link.put("resolved_at", Instant.parse("2025-01-01T00:00:00Z"));
        links.add(link);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** customer stage reached_at channel event_id, one line per row, sorted. */
    private static List<String> stageLines(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> row.get("customer_id") + " " + row.get("stage") + " "
                        + ((OffsetDateTime) row.get("reached_at")).toInstant() + " " + row.get("channel") + " "
                        + row.get("event_id"))
                .sorted()
                .toList();
    }

    private static List<String> expectedStages(String... lines) {
        return Arrays.stream(lines).sorted().toList();
    }

    @Test
    void stagesAreTheFirstEventOfEachDefinition() {
        assertThat(stageLines(stages))
                .containsExactlyElementsOf(expectedStages(
                        "K-A first_seen 2024-01-10T10:00:00Z web a1",
                        "K-A lead 2024-01-05T00:00:00Z unknown null",
                        "K-A email_engaged 2024-01-12T10:00:00Z email a3",
                        "K-A first_purchase 2024-01-13T10:00:00Z web a4",
                        "K-A repeat_purchase 2024-02-12T10:00:00Z web a6",
                        "K-A support_contact 2024-02-20T10:00:00Z chat a7",
                        "K-A detractor 2024-02-21T10:00:00Z email a8",
                        "K-A churned 2024-08-19T10:00:00Z unknown null",
                        "K-B first_seen 2024-01-20T08:00:00Z store b1",
                        "K-B first_purchase 2024-01-20T08:00:00Z store b1",
                        "K-B repeat_purchase 2024-06-01T08:00:00Z store b3",
                        "K-B promoter 2024-12-31T12:00:00Z web b4",
                        "K-C first_seen 2024-01-31T23:30:00Z email c1",
                        "K-C lead 2024-02-01T00:30:00Z email c2",
                        "K-C email_engaged 2024-02-01T00:30:00Z email c2",
                        "K-D first_seen 2024-01-15T09:00:00Z web d1",
                        "K-D lead 2024-01-15T09:00:00Z web d1",
                        "K-D email_engaged 2024-01-16T09:00:00Z email d2",
                        "K-D first_purchase 2024-01-20T09:00:00Z web d3",
                        "K-D repeat_purchase 2024-03-20T09:00:00Z web d4",
                        "K-D churned 2024-09-16T09:00:00Z unknown null",
                        "K-E first_seen 2024-02-10T10:00:00Z app e-01",
                        "K-E lead 2024-02-10T10:00:00Z app e-01",
                        "K-E support_contact 2024-02-11T10:00:00Z chat e3",
                        "K-E promoter 2024-02-12T10:00:00Z web e4",
                        "K-H first_seen 2024-01-03T00:00:00Z web h1",
                        "K-H lead 2024-01-03T00:00:00Z web h1",
                        "K-H email_engaged 2024-01-03T06:00:00Z email h2",
                        "K-I first_seen 2024-01-04T00:00:00Z web i1",
                        "K-I lead 2024-01-04T00:00:00Z web i1",
                        "K-I email_engaged 2024-01-08T04:00:00Z email i2"));
    }

    @Test
    void everyRowCarriesItsCustomersCohort() {
        Map<String, String> cohorts = stages.stream()
                .collect(Collectors.toMap(
                        row -> (String) row.get("customer_id"),
                        row -> row.get("cohort_month") + " " + row.get("acquisition_channel"),
                        (a, b) -> {
                            assertThat(a).isEqualTo(b);
                            return a;
                        }));
        assertThat(cohorts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "K-A", "2024-01-01 web",
                        "K-B", "2024-01-01 store",
                        // first seen 01-31 23:30 UTC: January, whatever the clock of the machine
                        "K-C", "2024-01-01 email",
                        "K-D", "2024-01-01 web",
                        "K-E", "2024-02-01 app",
                        "K-H", "2024-01-01 web",
                        "K-I", "2024-01-01 web"));
        assertThat(stages.get(0).get("cohort_month")).isInstanceOf(LocalDate.class);
    }

    /** cohort channel from to -> the row. */
    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
        return rows.stream()
                .collect(Collectors.toMap(
                        row -> row.get("cohort_month") + " " + row.get("acquisition_channel") + " "
                                + row.get("from_stage") + "->" + row.get("to_stage"),
                        row -> row));
    }

    /** window customers converted rate p25 median p75 p90. */
    private static String figures(Map<String, Object> row) {
        return row.get("window_days") + " " + row.get("customers") + " " + row.get("converted") + " "
                + row.get("conversion_rate") + " " + row.get("p25_hours") + " " + row.get("median_hours") + " "
                + row.get("p75_hours") + " " + row.get("p90_hours");
    }

    @Test
    void transitionsCountConversionsWithinTheWindowAndNearestRankPercentiles() {
        Map<String, Map<String, Object>> rows = byKey(transitions);
        // January, web: A, D, H, I. first_seen -> email_engaged: H 6 h, D 24 h, A 48 h, I 100 h;
        // nearest rank of 4: p25 rank 1, median rank 2, p75 rank 3, p90 rank ceil(3.6) = 4
        // (an interpolated median would be 36).
        assertThat(figures(rows.get("2024-01-01 web first_seen->email_engaged")))
                .isEqualTo("90 4 4 1.0 6.0 24.0 48.0 100.0");
        // A's lead (its crm record) precedes its first_seen: not a conversion; D, H, I at 0 h.
        assertThat(figures(rows.get("2024-01-01 web first_seen->lead"))).isEqualTo("90 4 3 0.75 0.0 0.0 0.0 0.0");
        // A 72 h, D 120 h; of 2: p25 and median rank 1, p75 and p90 rank 2.
        assertThat(figures(rows.get("2024-01-01 web first_seen->first_purchase")))
                .isEqualTo("90 4 2 0.5 72.0 72.0 120.0 120.0");
        // A: lead 01-05 00:00 -> 01-13 10:00 = 202 h; D: 120 h; H and I never buy.
        assertThat(figures(rows.get("2024-01-01 web lead->first_purchase")))
                .isEqualTo("90 4 2 0.5 120.0 120.0 202.0 202.0");
        // A 24 h, D 96 h.
        assertThat(figures(rows.get("2024-01-01 web email_engaged->first_purchase")))
                .isEqualTo("90 4 2 0.5 24.0 24.0 96.0 96.0");
        // A 30 days = 720 h, D 60 days = 1440 h.
        assertThat(figures(rows.get("2024-01-01 web first_purchase->repeat_purchase")))
                .isEqualTo("90 2 2 1.0 720.0 720.0 1440.0 1440.0");
        // A 38 days = 912 h.
        assertThat(figures(rows.get("2024-01-01 web first_purchase->support_contact")))
                .isEqualTo("90 2 1 0.5 912.0 912.0 912.0 912.0");
        assertThat(figures(rows.get("2024-01-01 web first_purchase->promoter")))
                .isEqualTo("90 2 0 0.0 null null null null");
        assertThat(figures(rows.get("2024-01-01 web support_contact->detractor")))
                .isEqualTo("90 1 1 1.0 24.0 24.0 24.0 24.0");
        // window 90 + 180: A 219 days = 5256 h, D 240 days = 5760 h.
        assertThat(figures(rows.get("2024-01-01 web first_purchase->churned")))
                .isEqualTo("270 2 2 1.0 5256.0 5256.0 5760.0 5760.0");
        // B bought on first sight (0 h); its second order came after 133 days, outside the window.
        assertThat(figures(rows.get("2024-01-01 store first_seen->first_purchase")))
                .isEqualTo("90 1 1 1.0 0.0 0.0 0.0 0.0");
        assertThat(figures(rows.get("2024-01-01 store first_purchase->repeat_purchase")))
                .isEqualTo("90 1 0 0.0 null null null null");
        assertThat(figures(rows.get("2024-01-01 email first_seen->email_engaged")))
                .isEqualTo("90 1 1 1.0 1.0 1.0 1.0 1.0");
        assertThat(figures(rows.get("2024-02-01 app support_contact->promoter")))
                .isEqualTo("90 1 1 1.0 24.0 24.0 24.0 24.0");
        // a row for every transition whose from_stage someone of the cohort reached:
        // January web 3 + 1 + 1 + 5 + 2, store 3 + 5, email 3 + 1 + 1, February app 3 + 1 + 2
        assertThat(transitions).hasSize(31);
        assertThat(rows).doesNotContainKey("2024-01-01 store lead->first_purchase");
    }

    @Test
    void aRerunOverTheSameDataChangesNothing() {
        assertThat(stagesRerun).containsExactlyInAnyOrderElementsOf(stages);
        assertThat(transitionsRerun).containsExactlyInAnyOrderElementsOf(transitions);
    }

    @Test
    void theAsOfDayIsTheLastDayRecomputedWhenTheRangeIsSet() {
        // to 03-10: as of 03-31. B's repeat purchase and promoter answer come later; churn after 30
        // days: A (last active 02-21 10:00) churned on 03-22 10:00, B (last active 01-25 08:00, its
        // web visit) on 02-24 08:00, D (03-20) not yet.
        List<String> lines = stageLines(stagesAsOfMarch);
        assertThat(lines)
                .contains(
                        "K-A churned 2024-03-22T10:00:00Z unknown null",
                        "K-B first_purchase 2024-01-20T08:00:00Z store b1")
                .doesNotContain(
                        "K-B repeat_purchase 2024-06-01T08:00:00Z store b3",
                        "K-B promoter 2024-12-31T12:00:00Z web b4",
                        "K-D churned 2024-09-16T09:00:00Z unknown null");
        assertThat(lines).hasSize(29);
        Map<String, Map<String, Object>> rows = byKey(transitionsAsOfMarch);
        // window 7 days: A's lead -> purchase took 202 h (8.4 days), D's 120 h.
        assertThat(figures(rows.get("2024-01-01 web lead->first_purchase")))
                .isEqualTo("7 4 1 0.25 120.0 120.0 120.0 120.0");
        // 7 + 30 days: A churned 69 days after buying.
        assertThat(figures(rows.get("2024-01-01 web first_purchase->churned")))
                .isEqualTo("37 2 0 0.0 null null null null");
        // B churned 35 days (840 h) after buying on 01-20.
        assertThat(figures(rows.get("2024-01-01 store first_purchase->churned")))
                .isEqualTo("37 1 1 1.0 840.0 840.0 840.0 840.0");
    }
}
