package dev.rapport.metrics.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestHealthConfig {

    @Test
    void defaults() {
        HealthConfig config = HealthConfig.fromMap(null, "metrics.health");

        assertThat(config).isEqualTo(HealthConfig.defaults());
        assertThat(config.windowDays()).isEqualTo(90);
        assertThat(config.npsMaxAgeDays()).isEqualTo(365);
        assertThat(config.emailInactiveDays()).isEqualTo(60);
        assertThat(config.detractorWeight()).isEqualTo(0.35);
        assertThat(config.orderDeclineWeight()).isEqualTo(0.20);
        assertThat(config.mediumRisk()).isEqualTo(0.25);
        assertThat(config.highRisk()).isEqualTo(0.50);
    }

    @Test
    void explicitSettingsReplaceTheirDefaultOnly() {
        HealthConfig config = HealthConfig.fromMap(
                Map.of("window_days", 30, "weights", Map.of("detractor", 0.5, "email_inactive", 0), "high_risk", 0.7),
                "metrics.health");

        assertThat(config.windowDays()).isEqualTo(30);
        assertThat(config.detractorWeight()).isEqualTo(0.5);
        assertThat(config.emailInactiveWeight()).isEqualTo(0.0);
        assertThat(config.highRisk()).isEqualTo(0.7);
        assertThat(config.breachedTicketWeight()).isEqualTo(0.15);
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> HealthConfig.fromMap(Map.of("weights", Map.of("nps", 0.3)), "metrics.health"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.health.weights.nps: unknown setting; known settings are breached_ticket,"
                        + " detractor, email_inactive, open_ticket, order_decline");
        assertThatThrownBy(() -> HealthConfig.fromMap(Map.of("weights", Map.of("detractor", 2)), "metrics.health"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.health.weights.detractor: '2' must be a number from 0 to 1");
        assertThatThrownBy(() -> HealthConfig.fromMap(Map.of("window_days", "90d"), "metrics.health"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.health.window_days: '90d' must be a whole number from 1 to 3650");
        assertThatThrownBy(() -> HealthConfig.fromMap(Map.of("medium_risk", 0.6), "metrics.health"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.health.medium_risk: is 0.6; it must be above 0 and below high_risk 0.5");
        assertThatThrownBy(() -> HealthConfig.fromMap(Map.of("windows", 1), "metrics.health"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(
                        "metrics.health.windows: unknown setting; known settings are email_inactive_days,");
    }
}
