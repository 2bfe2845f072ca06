package dev.rapport.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestAlertsConfig {

    @Test
    void defaults() {
        AlertsConfig config = AlertsConfig.fromMap(
                        Map.of("bootstrap_servers", "b:9092", "topic", "t"), "metrics.alerts")
                .orElseThrow();
        assertThat(config)
                .isEqualTo(new AlertsConfig(
                        "b:9092",
                        "t",
                        "rapport-alerts",
                        AlertsConfig.StartingOffsets.COMMITTED,
                        Duration.ofMinutes(1)));
        assertThat(AlertsConfig.fromMap(null, "metrics.alerts")).isEmpty();
    }

    @Test
    void everySetting() {
        AlertsConfig config = AlertsConfig.fromMap(
                        Map.of(
                                "bootstrap_servers", "b:9092",
                                "topic", "t",
                                "group_id", "g",
                                "starting_offsets", "Earliest",
                                "lookup_refresh", "30s"),
                        "metrics.alerts")
                .orElseThrow();
        assertThat(config)
                .isEqualTo(new AlertsConfig(
                        "b:9092", "t", "g", AlertsConfig.StartingOffsets.EARLIEST, Duration.ofSeconds(30)));
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> AlertsConfig.fromMap(Map.of("topic", "t"), "metrics.alerts"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("metrics.alerts.bootstrap_servers")
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> AlertsConfig.fromMap(
                        Map.of("bootstrap_servers", "b", "topic", "t", "lookup_refresh", "soon"), "metrics.alerts"))
                .hasMessageContaining("metrics.alerts.lookup_refresh");
        assertThatThrownBy(() -> AlertsConfig.fromMap(
                        Map.of("bootstrap_servers", "b", "topic", "t", "starting_offsets", "middle"), "metrics.alerts"))
                .hasMessageContaining("'middle' is not earliest, latest or committed");
        assertThatThrownBy(() -> AlertsConfig.fromMap(
                        Map.of("bootstrap_servers", "b", "topic", "t", "tpoic", "x"), "metrics.alerts"))
                .hasMessageContaining("metrics.alerts.tpoic");
        assertThatThrownBy(() -> AlertsConfig.fromMap("x", "metrics.alerts")).hasMessageContaining("metrics.alerts");
    }
}
