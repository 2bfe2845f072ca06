package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The priority score of an open support ticket, an additive model (higher is worked first):
 *
 * <ul>
 *   <li>SLA 0.30 once past the resolution target, else 0.30 x (1 - hours left / 24) in its last 24
 *       hours, 0 before; its reason is always given: "5.0 hours left to the SLA target", "48.0 hours
 *       past the SLA target"
 *   <li>churn risk 0.25 x the customer's churn_risk; "churn risk 0.60 (high)"
 *   <li>customer value 0.25 x m_score / 5 (monetary quintile of customer_rfm; 0 without one);
 *       "customer value: monetary score 4 of 5 (champions)"
 *   <li>detractor 0.15 when the customer's latest NPS answer is 0-6 and recent (as in {@link
 *       ChurnRiskRule}); "detractor: scored 3 on 2026-10-02"
 *   <li>repeat contact 0.10 when the customer opened another ticket in the 7 days before this one;
 *       "repeat contact: another ticket in the 7 days before"
 * </ul>
 *
 * A ticket with no resolved customer gets only the SLA part. Reasons are listed by contribution,
 * largest first, equal ones in the order above.
 */
public final class TicketPriorityRule implements Serializable {

    public static final double SLA_WEIGHT = 0.30;
    public static final double CHURN_WEIGHT = 0.25;
    public static final double VALUE_WEIGHT = 0.25;
    public static final double DETRACTOR_WEIGHT = 0.15;
    public static final double REPEAT_WEIGHT = 0.10;
    /** The hours before the target in which the SLA part grows from 0 to its weight. */
    public static final double SLA_RAMP_HOURS = 24;

    private final int npsMaxAgeDays;

    public TicketPriorityRule(HealthConfig health) {
        this.npsMaxAgeDays = requireNonNull(health, "health is null").npsMaxAgeDays();
    }

    public TicketPriority assess(TicketSignals ticket) {
        requireNonNull(ticket, "ticket is null");
        WeightedReasons reasons = new WeightedReasons();
        double hoursLeft = Duration.between(ticket.clock(), ticket.slaDueAt()).getSeconds() / 3600.0;
        if (hoursLeft < 0) {
            reasons.add(SLA_WEIGHT, hours(-hoursLeft) + " hours past the SLA target", true);
        } else {
            reasons.add(
                    SLA_WEIGHT * Math.max(0, 1 - hoursLeft / SLA_RAMP_HOURS),
                    hours(hoursLeft) + " hours left to the SLA target",
                    true);
        }
        if (ticket.churnRisk().isPresent()) {
            reasons.add(
                    CHURN_WEIGHT * ticket.churnRisk().getAsDouble(),
                    String.format(
                                    Locale.ROOT,
                                    "churn risk %.2f",
                                    ticket.churnRisk().getAsDouble())
                            + ticket.riskBand().map(band -> " (" + band + ")").orElse(""));
        }
        if (ticket.mScore().isPresent()) {
            reasons.add(
                    VALUE_WEIGHT * ticket.mScore().getAsInt() / 5,
                    "customer value: monetary score " + ticket.mScore().getAsInt() + " of 5"
                            + ticket.rfmSegment()
                                    .map(segment -> " (" + segment + ")")
                                    .orElse(""));
        }
        if (ChurnRiskRule.isRecentDetractor(ticket.lastNps(), ticket.lastNpsDay(), ticket.asOf(), npsMaxAgeDays)) {
            reasons.add(
                    DETRACTOR_WEIGHT,
                    "detractor: scored " + ticket.lastNps().getAsInt() + " on "
                            + ticket.lastNpsDay().get());
        }
        if (ticket.repeatContact()) {
            reasons.add(REPEAT_WEIGHT, "repeat contact: another ticket in the 7 days before");
        }
        return new TicketPriority(reasons.score(), reasons.reasons());
    }

    private static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f", hours);
    }
}
