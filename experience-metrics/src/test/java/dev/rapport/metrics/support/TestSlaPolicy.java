package dev.rapport.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSlaPolicy {

    @Test
    void defaults() {
        SlaPolicy policy = SlaPolicy.fromMap(null, "metrics.sla");

        assertThat(policy).isEqualTo(SlaPolicy.defaults());
        assertThat(policy.targetFor("low")).isEqualTo(new SlaTarget(Duration.ofHours(24), Duration.ofHours(72)));
        assertThat(policy.targetFor("urgent").firstResponse()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.reopenWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void unknownOrMissingPriorityGetsNormalTargets() {
        SlaPolicy policy = SlaPolicy.defaults();

        assertThat(policy.targetFor(null)).isEqualTo(policy.targetFor("normal"));
        assertThat(policy.targetFor("blocker")).isEqualTo(policy.targetFor("normal"));
        assertThat(policy.targetFor(" HIGH ")).isEqualTo(policy.targetFor("high"));
    }

    @Test
    void explicitPrioritiesReplaceDefaultsOneByOne() {
        SlaPolicy policy = SlaPolicy.fromMap(
                Map.of(
                        "high", Map.of("first_response", "2h", "resolution", "8h"),
                        "vip", Map.of("first_response", "15m", "resolution", "1d"),
                        "reopen_window", "3d"),
                "metrics.sla");

        assertThat(policy.targetFor("high")).isEqualTo(new SlaTarget(Duration.ofHours(2), Duration.ofHours(8)));
        assertThat(policy.targetFor("vip")).isEqualTo(new SlaTarget(Duration.ofMinutes(15), Duration.ofDays(1)));
        assertThat(policy.targetFor("low")).isEqualTo(SlaPolicy.defaults().targetFor("low"));
        assertThat(policy.reopenWindow()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> SlaPolicy.fromMap(Map.of("high", Map.of("first_response", "2 hours")), "metrics.sla"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.sla.high.first_response: '2 hours' is not a duration; write a whole number"
                        + " and m, h or d, e.g. 4h");
        assertThatThrownBy(() -> SlaPolicy.fromMap(Map.of("high", Map.of("first_response", "2h")), "metrics.sla"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.sla.high.resolution: is missing; write it like 4h");
        assertThatThrownBy(() -> SlaPolicy.fromMap(
                        Map.of("high", Map.of("first_response", "2h", "resolution", "8h", "x", "1h")), "metrics.sla"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.sla.high.x: unknown setting; known settings are first_response, resolution");
        assertThatThrownBy(() -> SlaPolicy.fromMap(Map.of("Hi'gh", Map.of()), "metrics.sla"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("metrics.sla.Hi'gh"));
        assertThatThrownBy(() -> SlaPolicy.fromMap(
                        Map.of("low", Map.of("first_response", "0h", "resolution", "1h")), "metrics.sla"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.sla.low.first_response: must be more than zero");
        assertThatThrownBy(() -> SlaPolicy.fromMap("fast", "metrics.sla")).isInstanceOf(InvalidConfigException.class);
    }
}
