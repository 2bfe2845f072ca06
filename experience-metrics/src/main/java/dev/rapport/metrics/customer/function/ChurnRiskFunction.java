package dev.rapport.metrics.customer.function;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.customer.ChurnRisk;
import dev.rapport.metrics.customer.ChurnRiskRule;
import dev.rapport.metrics.customer.HealthConfig;
import dev.rapport.metrics.customer.HealthSignals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_churn_risk(as_of, last_nps, last_nps_at, open_tickets, breached_tickets,
 * recent_orders, previous_orders, days_since_email_engagement)}: one row with {@link
 * ChurnRiskRule}'s churn_risk, risk_band and reasons. NULL counts are 0.
 */
@FunctionHint(output = @DataTypeHint("ROW<churn_risk DOUBLE, risk_band STRING, reasons STRING>"))
public final class ChurnRiskFunction extends TableFunction<Row> {

    private final ChurnRiskRule rule;

    public ChurnRiskFunction(HealthConfig config) {
        this.rule = new ChurnRiskRule(requireNonNull(config, "config is null"));
    }

    public void eval(
            LocalDate asOf,
            Integer lastNps,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant lastNpsAt,
            Long openTickets,
            Long breachedTickets,
            Long recentOrders,
            Long previousOrders,
            Integer daysSinceEmailEngagement) {
        boolean answered = lastNps != null && lastNpsAt != null;
        ChurnRisk risk = rule.assess(new HealthSignals(
                asOf,
                answered ? OptionalInt.of(lastNps) : OptionalInt.empty(),
                answered ? Optional.of(lastNpsAt.atOffset(ZoneOffset.UTC).toLocalDate()) : Optional.empty(),
                count(openTickets),
                count(breachedTickets),
                count(recentOrders),
                count(previousOrders),
                daysSinceEmailEngagement == null ? OptionalInt.empty() : OptionalInt.of(daysSinceEmailEngagement)));
        collect(Row.of(risk.score(), risk.band().label(), risk.reasonsText()));
    }

    private static int count(Long value) {
        return value == null ? 0 : Math.toIntExact(value);
    }
}
