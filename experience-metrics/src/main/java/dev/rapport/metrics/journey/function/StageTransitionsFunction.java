package dev.rapport.metrics.journey.function;

import dev.rapport.metrics.journey.StageTransition;
import java.time.Instant;
import java.util.OptionalDouble;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_stage_transitions(window_days, churn_after_days, first_seen_at, lead_at,
 * email_engaged_at, first_purchase_at, repeat_purchase_at, support_contact_at, promoter_at,
 * detractor_at, churned_at)}: for one customer, given when it reached each stage (NULL: never), a
 * row per {@link StageTransition} whose from stage it reached, with the transition's number (its
 * ordinal: a small key to group and sort by; {@code rapport_transition_stage} names its stages),
 * its window and the hours to the to stage when it converted ({@link
 * StageTransition#convertedHours}), else NULL.
 */
@FunctionHint(output = @DataTypeHint("ROW<transition INT, window_days INT, hours DOUBLE>"))
public final class StageTransitionsFunction extends TableFunction<Row> {

    private static final StageTransition[] TRANSITIONS = StageTransition.values();

    public void eval(
            Integer windowDays,
            Integer churnAfterDays,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant firstSeenAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant leadAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant emailEngagedAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant firstPurchaseAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant repeatPurchaseAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant supportContactAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant promoterAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant detractorAt,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant churnedAt) {
        // In the order of StageTransition.Stage.
        Instant[] reached = {
            firstSeenAt,
            leadAt,
            emailEngagedAt,
            firstPurchaseAt,
            repeatPurchaseAt,
            supportContactAt,
            promoterAt,
            detractorAt,
            churnedAt
        };
        for (StageTransition transition : TRANSITIONS) {
            Instant fromAt = reached[transition.from().ordinal()];
            if (fromAt == null) {
                continue;
            }
            int window = transition.windowDays(windowDays, churnAfterDays);
            OptionalDouble hours = StageTransition.convertedHours(
                    fromAt, reached[transition.to().ordinal()], window);
            collect(Row.of(transition.ordinal(), window, hours.isPresent() ? hours.getAsDouble() : null));
        }
    }
}
