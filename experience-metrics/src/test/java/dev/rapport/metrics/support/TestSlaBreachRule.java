package dev.rapport.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestSlaBreachRule {

    private static final Instant OPENED = Instant.parse("2024-03-01T08:00:00Z");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);
    private static final Instant AS_OF = Instant.parse("2024-03-10T00:00:00Z");

    @Test
    void doneWithinTheTargetIsOnTime() {
        assertThat(SlaBreachRule.breached(OPENED, Optional.of(OPENED.plusSeconds(3_600)), FOUR_HOURS, AS_OF))
                .isFalse();
    }

    @Test
    void doneExactlyAtTheTargetIsOnTime() {
        assertThat(SlaBreachRule.breached(OPENED, Optional.of(OPENED.plus(FOUR_HOURS)), FOUR_HOURS, AS_OF))
                .isFalse();
        assertThat(SlaBreachRule.breached(
                        OPENED, Optional.of(OPENED.plus(FOUR_HOURS).plusSeconds(1)), FOUR_HOURS, AS_OF))
                .isTrue();
    }

    @Test
    void notDoneBreachesOnceAsOfIsPastTheTarget() {
        assertThat(SlaBreachRule.breached(OPENED, Optional.empty(), FOUR_HOURS, AS_OF))
                .isTrue();
        assertThat(SlaBreachRule.breached(OPENED, Optional.empty(), FOUR_HOURS, OPENED.plusSeconds(60)))
                .isFalse();
    }
}
