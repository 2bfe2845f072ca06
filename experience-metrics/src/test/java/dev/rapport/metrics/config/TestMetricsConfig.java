package dev.rapport.metrics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestMetricsConfig {

    @Test
    void defaults() {
        MetricsConfig config = MetricsConfig.fromMap(null, "metrics");

        assertThat(config).isEqualTo(MetricsConfig.defaults());
        assertThat(config.from()).isEmpty();
        assertThat(config.to()).isEmpty();
        assertThat(config.firstDayRecomputed()).isEmpty();
        assertThat(config.lastDayRecomputed()).isEmpty();
        assertThat(MetricsConfig.fromMap(Map.of(), "metrics")).isEqualTo(MetricsConfig.defaults());
        assertThat(MetricsConfig.fromMap(Map.of("nps", Map.of()), "metrics")).isEqualTo(MetricsConfig.defaults());
    }

    @Test
    void explicitRange() {
        MetricsConfig config = MetricsConfig.fromMap(Map.of("from", "2024-02-10", "to", "2024-03-05"), "metrics");

        assertThat(config.from()).contains(LocalDate.of(2024, 2, 10));
        assertThat(config.to()).contains(LocalDate.of(2024, 3, 5));
        assertThat(config.firstDayRecomputed()).contains(LocalDate.of(2024, 2, 1));
        assertThat(config.lastDayRecomputed()).contains(LocalDate.of(2024, 3, 31));
    }

    @Test
    void datesAsYamlParsersGiveThem() {
        Map<String, Object> yaml =
                Map.of("from", LocalDate.of(2023, 12, 31), "to", Date.from(Instant.parse("2024-02-29T00:00:00Z")));

        MetricsConfig config = MetricsConfig.fromMap(yaml, "metrics");

        assertThat(config.from()).contains(LocalDate.of(2023, 12, 31));
        assertThat(config.to()).contains(LocalDate.of(2024, 2, 29));
        assertThat(config.lastDayRecomputed()).contains(LocalDate.of(2024, 2, 29));
    }

    @Test
    void nullNpsSectionIsDefaults() {
        Map<String, Object> yaml = new HashMap<>();
        yaml.put("nps", null);

        assertThat(MetricsConfig.fromMap(yaml, "metrics")).isEqualTo(MetricsConfig.defaults());
    }

    @Test
    void rejectsBadDate() {
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("from", "01.03.2024"), "metrics"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("metrics.from");
                    assertThat(e.problem()).isEqualTo("'01.03.2024' is not a date; write it as YYYY-MM-DD");
                });
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("to", 20240301), "metrics"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("metrics.to"));
    }

    @Test
    void rejectsRangeBackwards() {
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("from", "2024-03-02", "to", "2024-03-01"), "metrics"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.to: is 2024-03-01, before from 2024-03-02; swap them");
        assertThatThrownBy(() ->
                        new MetricsConfig(Optional.of(LocalDate.of(2024, 3, 2)), Optional.of(LocalDate.of(2024, 3, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnknownKeys() {
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("form", "2024-03-01"), "metrics"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "metrics.form: unknown setting; known settings are alerts, from, health, journey, nps, rfm, sla, to");
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("nps", Map.of("scale", 10)), "metrics"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.nps.scale: unknown setting; NPS has no settings yet");
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("nps", List.of()), "metrics"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.nps: must be a map (write {} for the defaults), not a list");
    }

    @Test
    void keyPrefixIsTheCallers() {
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("from", "x"), "jobs.metrics"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("jobs.metrics.from"));
    }

    @Test
    void theClosedLoopIsOffUntilConfigured() {
        assertThat(MetricsConfig.defaults().alerts()).isEmpty();
        MetricsConfig config = MetricsConfig.fromMap(
                java.util.Map.of("alerts", java.util.Map.of("bootstrap_servers", "b:9092", "topic", "responses")),
                "metrics");
        assertThat(config.alerts().orElseThrow().topic()).isEqualTo("responses");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsConfig.fromMap(
                        java.util.Map.of("alerts", java.util.Map.of("topic", "responses")), "metrics"))
                .hasMessage("metrics.alerts.bootstrap_servers: is required");
    }
}
