package dev.rapport.metrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.schemas.config.InvalidConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJourneyConfig {

    @Test
    void defaults() {
        assertThat(JourneyConfig.fromMap(null, "metrics.journey")).isEqualTo(new JourneyConfig(90, 180));
        assertThat(JourneyConfig.fromMap(Map.of(), "metrics.journey")).isEqualTo(JourneyConfig.defaults());
        assertThat(MetricsConfig.defaults().journey()).isEqualTo(JourneyConfig.defaults());
    }

    @Test
    void explicitSettings() {
        assertThat(JourneyConfig.fromMap(Map.of("window_days", 30, "churn_after_days", 365), "metrics.journey"))
                .isEqualTo(new JourneyConfig(30, 365));
        assertThat(JourneyConfig.fromMap(Map.of("window_days", 7), "metrics.journey"))
                .isEqualTo(new JourneyConfig(7, 180));
    }

    @Test
    void readFromTheMetricsSection() {
        Map<String, Object> yaml = Map.of("journey", Map.of("churn_after_days", 120));

        assertThat(MetricsConfig.fromMap(yaml, "metrics").journey()).isEqualTo(new JourneyConfig(90, 120));
    }

    @Test
    void nullSettingIsItsDefault() {
        Map<String, Object> section = new HashMap<>();
        section.put("window_days", null);

        assertThat(JourneyConfig.fromMap(section, "metrics.journey")).isEqualTo(JourneyConfig.defaults());
    }

    @Test
    void errorsNameTheKey() {
        assertError(
                Map.of("window", 30),
                "metrics.journey.window",
                "unknown setting; known settings are churn_after_days, window_days");
        assertError(
                Map.of("window_days", 0),
                "metrics.journey.window_days",
                "is 0; write a number of days from 1 to 36500");
        assertError(
                Map.of("churn_after_days", -5),
                "metrics.journey.churn_after_days",
                "is -5; write a number of days from 1 to 36500");
        assertError(
                Map.of("window_days", "90d"),
                "metrics.journey.window_days",
                "must be a whole number of days, not '90d'");
        assertError(
                Map.of("window_days", 1.5), "metrics.journey.window_days", "must be a whole number of days, not '1.5'");
        assertError(List.of(90), "metrics.journey", "must be a map: {window_days: 90, churn_after_days: 180}");
    }

    @Test
    void constructorRejectsOutOfRangeDays() {
        assertThatThrownBy(() -> new JourneyConfig(0, 180))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window_days must be from 1 to 36500, got 0");
        assertThatThrownBy(() -> new JourneyConfig(90, 36_501))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("churn_after_days must be from 1 to 36500, got 36501");
    }

    private static void assertError(Object section, String key, String problem) {
        assertThatThrownBy(() -> MetricsConfig.fromMap(Map.of("journey", section), "metrics"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(key + ": " + problem)
                .satisfies(e -> assertThat(((InvalidConfigException) e).key()).isEqualTo(key));
    }
}
