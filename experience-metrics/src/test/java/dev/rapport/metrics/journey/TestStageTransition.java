package dev.rapport.metrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.metrics.journey.StageTransition.Stage;
import dev.rapport.metrics.journey.function.TransitionStageFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestStageTransition {

    private static final Instant FROM = Instant.parse("2024-01-10T08:00:00.250Z");

    @Test
    void theToStageCountsFromTheFromStageToTheEndOfTheWindow() {
        assertThat(StageTransition.convertedHours(FROM, FROM, 90)).hasValue(0.0);
        assertThat(StageTransition.convertedHours(FROM, FROM.plus(Duration.ofDays(90)), 90))
                .hasValue(90 * 24.0);
        assertThat(StageTransition.convertedHours(
                        FROM, FROM.plus(Duration.ofDays(90)).plusMillis(1), 90))
                .isEmpty();
        assertThat(StageTransition.convertedHours(FROM, FROM.minusMillis(1), 90))
                .isEmpty();
        assertThat(StageTransition.convertedHours(FROM, null, 90)).isEmpty();
    }

    @Test
    void hoursAreWholeSecondsTruncated() {
        Instant to = FROM.plus(Duration.ofMinutes(90)).plusMillis(999);

        assertThat(StageTransition.convertedHours(FROM, to, 1)).hasValue(1.5);
    }

    @Test
    void churnWaitsChurnAfterDaysLonger() {
        assertThat(StageTransition.FIRST_PURCHASE_TO_CHURNED.windowDays(90, 180))
                .isEqualTo(270);
        assertThat(StageTransition.FIRST_PURCHASE_TO_REPEAT_PURCHASE.windowDays(90, 180))
                .isEqualTo(90);
    }

    @Test
    void theTwelveTransitionsOfTheFunnel() {
        List<String> names = Arrays.stream(StageTransition.values())
                .map(t -> t.from().label() + "->" + t.to().label())
                .toList();

        assertThat(names)
                .containsExactly(
                        "first_seen->lead",
                        "first_seen->email_engaged",
                        "first_seen->first_purchase",
                        "lead->first_purchase",
                        "email_engaged->first_purchase",
                        "first_purchase->repeat_purchase",
                        "first_purchase->support_contact",
                        "first_purchase->promoter",
                        "first_purchase->detractor",
                        "support_contact->promoter",
                        "support_contact->detractor",
                        "first_purchase->churned");
        assertThat(Stage.values()).hasSize(9);
    }

    @Test
    void theNumberOfATransitionNamesItsStages() {
        TransitionStageFunction stage = new TransitionStageFunction();
        int churn = StageTransition.FIRST_PURCHASE_TO_CHURNED.ordinal();

        assertThat(stage.eval(churn, "from")).isEqualTo("first_purchase");
        assertThat(stage.eval(churn, "to")).isEqualTo("churned");
        assertThat(stage.eval(null, "to")).isNull();
        assertThatThrownBy(() -> stage.eval(12, "to")).hasMessageContaining("no stage transition numbered 12");
        assertThatThrownBy(() -> stage.eval(0, "middle")).hasMessageContaining("'from' or 'to'");
    }
}
