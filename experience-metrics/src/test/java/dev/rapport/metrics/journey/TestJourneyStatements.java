package dev.rapport.metrics.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.statement.MetricStatement;
import dev.rapport.metrics.statement.MetricStatements;
import dev.rapport.metrics.support.SlaPolicy;
import dev.rapport.schemas.table.RapportTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestJourneyStatements {

    private static Map<String, String> journeyInserts(MetricsConfig config, boolean withTimeline) {
        MetricStatements statements = new MetricStatements(config);
        List<MetricStatement> journey = new ArrayList<>(statements.derivedInserts(withTimeline));
        journey.addAll(statements.finalInserts(withTimeline));
        return journey.stream()
                .filter(statement -> statement.table().equals(RapportTables.JOURNEY_STAGES)
                        || statement.table().equals(RapportTables.STAGE_TRANSITIONS))
                .collect(Collectors.toMap(
                        statement -> statement.table().identifier().name(), MetricStatement::insert));
    }

    @Test
    void withoutARangeTheAsOfDayIsTheLatestEventsDay() {
        Map<String, String> inserts = journeyInserts(MetricsConfig.defaults(), true);

        assertThat(inserts).containsOnlyKeys("journey_stages", "stage_transitions");
        assertThat(inserts.get("journey_stages"))
                .doesNotContain("${")
                .contains("CROSS JOIN as_of AS a")
                .contains("<= a.as_of_day")
                .contains("TIMESTAMPADD(DAY, 180, l.last_active_at)");
        assertThat(inserts.get("stage_transitions"))
                .doesNotContain("${")
                .contains("FROM metrics.journey_stages")
                .contains("rapport_stage_transitions(\n            90,\n            180,");
    }

    @Test
    void withARangeTheAsOfDayIsTheLastDayRecomputed() {
        MetricsConfig config = new MetricsConfig(
                Optional.empty(),
                Optional.of(LocalDate.of(2024, 2, 10)),
                SlaPolicy.defaults(),
                Optional.empty(),
                new JourneyConfig(30, 60));

        Map<String, String> inserts = journeyInserts(config, true);

        assertThat(inserts.get("journey_stages"))
                .doesNotContain("${")
                .doesNotContain("CROSS JOIN as_of")
                .contains("<= DATE '2024-02-29'")
                .contains("TIMESTAMPADD(DAY, 60, l.last_active_at)");
        assertThat(inserts.get("stage_transitions"))
                .doesNotContain("${")
                .contains("rapport_stage_transitions(\n            30,\n            60,");
    }

    @Test
    void noJourneyWithoutTheTimeline() {
        assertThat(journeyInserts(MetricsConfig.defaults(), false)).isEmpty();
    }
}
