package dev.rapport.metrics.customer.function;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.customer.HealthConfig;
import dev.rapport.metrics.customer.TicketPriority;
import dev.rapport.metrics.customer.TicketPriorityRule;
import dev.rapport.metrics.customer.TicketSignals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_ticket_priority(clock, opened_at, resolution_target_minutes, m_score,
 * rfm_segment, churn_risk, risk_band, last_nps, last_nps_at, as_of, repeat_contact)}: one row with
 * the ticket's sla_due_at and {@link TicketPriorityRule}'s priority_score and reasons.
 */
@FunctionHint(output = @DataTypeHint("ROW<sla_due_at TIMESTAMP_LTZ(3), priority_score DOUBLE, reasons STRING>"))
public final class TicketPriorityFunction extends TableFunction<Row> {

    private final TicketPriorityRule rule;

    public TicketPriorityFunction(HealthConfig health) {
        this.rule = new TicketPriorityRule(requireNonNull(health, "health is null"));
    }

    public void eval(
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant clock,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant openedAt,
            Long resolutionTargetMinutes,
            Integer mScore,
            String rfmSegment,
            Double churnRisk,
            String riskBand,
            Integer lastNps,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant lastNpsAt,
            LocalDate asOf,
            Boolean repeatContact) {
        boolean answered = lastNps != null && lastNpsAt != null;
        TicketSignals ticket = new TicketSignals(
                clock,
                openedAt,
                resolutionTargetMinutes,
                mScore == null ? OptionalInt.empty() : OptionalInt.of(mScore),
                Optional.ofNullable(rfmSegment),
                churnRisk == null ? OptionalDouble.empty() : OptionalDouble.of(churnRisk),
                Optional.ofNullable(riskBand),
                answered ? OptionalInt.of(lastNps) : OptionalInt.empty(),
                answered ? Optional.of(lastNpsAt.atOffset(ZoneOffset.UTC).toLocalDate()) : Optional.empty(),
                asOf,
                Boolean.TRUE.equals(repeatContact));
        TicketPriority priority = rule.assess(ticket);
        collect(Row.of(ticket.slaDueAt(), priority.score(), priority.reasonsText()));
    }
}
