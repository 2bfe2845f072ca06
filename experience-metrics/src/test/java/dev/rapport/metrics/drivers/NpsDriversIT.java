package dev.rapport.metrics.drivers;

import static dev.rapport.metrics.testing.IcebergTestTables.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetricsJob} on a MiniCluster at parallelism 2 over seven resolved customers' NPS
 * answers, tickets and orders and one anonymous answer, and checks {@code metrics.nps_drivers}
 * against the with/without split of each driver written down by hand below.
 */
class NpsDriversIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    /** customer -> NPS score; every answer on 2024-03-20 by web. */
    private static final Map<String, Integer> SCORES = new LinkedHashMap<>();

    static {
        SCORES.put("c1", 2);
        SCORES.put("c2", 3);
        SCORES.put("c3", 10);
        SCORES.put("c4", 9);
        SCORES.put("c5", 10);
        SCORES.put("c6", 8);
        SCORES.put("c7", 0);
    }

    private static Path dataDir;
    private static CatalogConfig catalog;
    private static MetricsReport report;
    private static Map<List<String>, Map<String, Object>> drivers;

    @BeforeAll
    static void runOnce() throws IOException {
        dataDir = Files.createTempDirectory("nps-drivers-it");
        catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> events = new ArrayList<>();
        SCORES.forEach((customer, score) -> {
            Map<String, Object> answer = interaction(
                    "nps-" + customer, "surveys", "survey", "survey_response", Instant.parse("2024-03-20T10:00:00Z"));
            answer.put("survey_type", "NPS");
            answer.put("score", score);
            answer.put("channel", "web");
            answer.put("customer_source", "crm");
            answer.put("customer_ref", customer);
            events.add(answer);
        });
        // an anonymous answer by email: on no timeline
        Map<String, Object> anonymous =
                interaction("nps-anon", "surveys", "survey", "survey_response", Instant.parse("2024-03-20T11:00:00Z"));
        anonymous.put("survey_type", "NPS");
        anonymous.put("score", 9);
        anonymous.put("channel", "email");
        events.add(anonymous);
        // c1 and c2: high-priority tickets never answered (breached); c3: answered and resolved in time
        events.add(ticketEvent("T1", "ticket_opened", "2024-03-01T09:00:00Z", "c1"));
        events.add(ticketEvent("T2", "ticket_opened", "2024-03-02T09:00:00Z", "c2"));
        events.add(ticketEvent("T3", "ticket_opened", "2024-03-05T09:00:00Z", "c3"));
        events.add(ticketEvent("T3", "ticket_replied", "2024-03-05T09:30:00Z", "c3"));
        events.add(ticketEvent("T3", "ticket_resolved", "2024-03-05T10:00:00Z", "c3"));
        // c4 and c5 ordered; c6's order is more than 90 days before the answer
        events.add(order("O4", "2024-03-10T09:00:00Z", "c4"));
        events.add(order("O5", "2024-03-11T09:00:00Z", "c5"));
        events.add(order("O6", "2023-11-01T09:00:00Z", "c6"));
        IcebergTestTables.append(catalog, RapportTables.INTERACTIONS, events);
        List<Map<String, Object>> records = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (String customer : SCORES.keySet()) {
            Map<String, Object> record = new HashMap<>();
            record.put("record_id", "crm/" + customer);
            record.put("source", "crm");
            record.put("source_id", customer);
            record.put("source_location", "fixture");
            record.put("ingested_at", Instant.parse("2024-03-21T00:00:00Z"));
            record.put("ingest_run_id", "fixture");
            records.add(record);
            Map<String, Object> link = new HashMap<>();
            link.put("source", "crm");
            link.put("source_id", customer);
            link.put("record_id", "crm/" + customer);
            link.put("customer_id", "K-" + customer);
            link.put("match_rule", "fixture");
            link.put("resolved_at", Instant.parse("2024-03-21T00:00:00Z"));
            links.add(link);
        }
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_RECORDS, records);
        IcebergTestTables.append(catalog, RapportTables.IDENTITY_MAP, links);
        Configuration settings = new Configuration();
        settings.set(PipelineOptions.GENERIC_TYPES, false);
        report = new MetricsJob(catalog, MetricsConfig.defaults()).run(PARALLELISM, settings);
        drivers = new HashMap<>();
        for (Map<String, Object> row : IcebergTestTables.read(catalog, RapportTables.NPS_DRIVERS)) {
            drivers.put(List.of((String) row.get("driver_type"), (String) row.get("driver")), row);
        }
    }

    private static Map<String, Object> ticketEvent(String ticket, String type, String time, String customer) {
        Map<String, Object> event = interaction(ticket + "-" + type, "helpdesk", "support", type, Instant.parse(time));
        event.put("ticket_id", ticket);
        event.put("priority", "high");
        event.put("customer_source", "crm");
        event.put("customer_ref", customer);
        return event;
    }

    private static Map<String, Object> order(String order, String time, String customer) {
        Map<String, Object> event = interaction(order, "shop", "commerce", "order", Instant.parse(time));
        event.put("order_id", order);
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

    /** The scores of the customers in {@code with} against the rest of {@code population}. */
    private static void assertDriver(String type, String driver, Set<String> with, Set<String> population) {
        NpsAggregate withAggregate = NpsAggregate.empty();
        NpsAggregate withoutAggregate = NpsAggregate.empty();
        for (String customer : population) {
            int score = customer.equals("anon") ? 9 : SCORES.get(customer);
            if (with.contains(customer)) {
                withAggregate = withAggregate.plus(score);
            } else {
                withoutAggregate = withoutAggregate.plus(score);
            }
        }
        Map<String, Object> row = drivers.get(List.of(type, driver));
        assertThat(row).as(type + " " + driver).isNotNull();
        assertThat(row.get("responses_with")).as(driver).isEqualTo(withAggregate.responses());
        assertThat(row.get("promoters_with")).as(driver).isEqualTo(withAggregate.promoters());
        assertThat(row.get("detractors_with")).as(driver).isEqualTo(withAggregate.detractors());
        assertThat(row.get("responses_without")).as(driver).isEqualTo(withoutAggregate.responses());
        assertThat(row.get("detractors_without")).as(driver).isEqualTo(withoutAggregate.detractors());
        NpsDifference expected = NpsDifference.between(withAggregate, withoutAggregate);
        assertThat((Double) row.get("nps_difference")).as(driver).isCloseTo(expected.difference(), within(1e-9));
        if (expected.pValue().isPresent()) {
            assertThat((Double) row.get("p_value"))
                    .as(driver)
                    .isCloseTo(expected.pValue().getAsDouble(), within(1e-9));
        } else {
            assertThat(row.get("p_value")).as(driver).isNull();
        }
        assertThat(row.get("significant")).as(driver).isEqualTo(expected.significant());
    }

    @Test
    void experienceDriversSplitTheAnswersOnCustomerTimelines() {
        Set<String> linked = SCORES.keySet();
        assertDriver("experience", "had_ticket", Set.of("c1", "c2", "c3"), linked);
        assertDriver("experience", "had_breached_ticket", Set.of("c1", "c2"), linked);
        assertDriver("experience", "had_purchase", Set.of("c4", "c5"), linked);
        // hand-checked: breached D 2 of 2 -> -100; the other five P 3 (c3 c4 c5) D 1 (c7) -> +40
        Map<String, Object> breached = drivers.get(List.of("experience", "had_breached_ticket"));
        assertThat((Double) breached.get("nps_with")).isEqualTo(-100.0);
        assertThat((Double) breached.get("nps_without")).isEqualTo(40.0);
        assertThat((Double) breached.get("nps_difference")).isEqualTo(-140.0);
        assertThat(drivers).doesNotContainKey(List.of("experience", "had_return"));
    }

    @Test
    void channelDriversCompareEachChannelWithEveryOtherAnswer() {
        Set<String> all = new java.util.TreeSet<>(SCORES.keySet());
        all.add("anon");
        assertDriver("channel", "email", Set.of("anon"), all);
        Set<String> web = new java.util.TreeSet<>(SCORES.keySet());
        assertDriver("channel", "web", web, all);
        // every answer is at touchpoint 'unknown': nobody without it, no comparison, no row
        assertThat(drivers).doesNotContainKey(List.of("touchpoint", "unknown"));
    }

    @Test
    void theReportCountsTheDriversRows() {
        assertThat(report.tables()).containsEntry("metrics.nps_drivers", (long) drivers.size());
    }
}
