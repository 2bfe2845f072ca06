package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A transparent additive churn-risk model: churn_risk is the sum of these contributions (weights
 * from {@link HealthConfig}, defaults in brackets), capped at 1:
 *
 * <ul>
 *   <li>detractor [0.35]: the latest NPS answer scored 0-6 and was given in the nps_max_age_days
 *       days ending with as_of; "detractor: scored 3 on 2026-10-02"
 *   <li>breached_ticket [0.15] per open ticket past a first-response or resolution target, at most
 *       max_breached_tickets [2]; "2 support tickets past their SLA"
 *   <li>open_ticket [0.05] per open ticket, at most max_open_tickets [3]; "2 open support tickets"
 *   <li>order_decline [0.20] x (previous - recent) / previous when the customer ordered less in the
 *       window_days [90] ending with as_of than in the window before; "ordering less often: 1
 *       order in the last 90 days vs 4 before"
 *   <li>email_inactive [0.15] when the latest email open or click is email_inactive_days [60] or
 *       more days old; "no email opened in 120 days". A customer never seen opening an email gives
 *       no signal (we cannot tell whether they were ever sent one).
 * </ul>
 *
 * The band is high from high_risk [0.5], medium from medium_risk [0.25], else low. Reasons are
 * listed by contribution, largest first; equal contributions in the order above.
 */
public final class ChurnRiskRule implements Serializable {

    private final HealthConfig config;

    public ChurnRiskRule(HealthConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    public ChurnRisk assess(HealthSignals signals) {
        requireNonNull(signals, "signals is null");
        WeightedReasons reasons = new WeightedReasons();
        if (isRecentDetractor(signals)) {
            reasons.add(
                    config.detractorWeight(),
                    "detractor: scored " + signals.lastNps().getAsInt() + " on "
                            + signals.lastNpsDay().get());
        }
        int breached = Math.min(signals.breachedTickets(), config.maxBreachedTickets());
        reasons.add(
                config.breachedTicketWeight() * breached,
                signals.breachedTickets() == 1
                        ? "1 support ticket past its SLA"
                        : signals.breachedTickets() + " support tickets past their SLA");
        int open = Math.min(signals.openTickets(), config.maxOpenTickets());
        reasons.add(
                config.openTicketWeight() * open,
                signals.openTickets() + " open support ticket" + (signals.openTickets() == 1 ? "" : "s"));
        if (signals.recentOrders() < signals.previousOrders()) {
            double decline = (double) (signals.previousOrders() - signals.recentOrders()) / signals.previousOrders();
            reasons.add(
                    config.orderDeclineWeight() * decline,
                    "ordering less often: " + signals.recentOrders() + " order"
                            + (signals.recentOrders() == 1 ? "" : "s") + " in the last " + config.windowDays()
                            + " days vs " + signals.previousOrders() + " before");
        }
        if (signals.daysSinceEmailEngagement().isPresent()
                && signals.daysSinceEmailEngagement().getAsInt() >= config.emailInactiveDays()) {
            reasons.add(
                    config.emailInactiveWeight(),
                    "no email opened in " + signals.daysSinceEmailEngagement().getAsInt() + " days");
        }
        double score = reasons.score();
        RiskBand band = score >= config.highRisk()
                ? RiskBand.HIGH
                : score >= config.mediumRisk() ? RiskBand.MEDIUM : RiskBand.LOW;
        return new ChurnRisk(score, band, reasons.reasons());
    }

    private boolean isRecentDetractor(HealthSignals signals) {
        return isRecentDetractor(signals.lastNps(), signals.lastNpsDay(), signals.asOf(), config.npsMaxAgeDays());
    }

    /** The latest answer is a detractor's (0-6), given in the maxAgeDays days ending with asOf. */
    public static boolean isRecentDetractor(
            OptionalInt lastNps, Optional<LocalDate> lastNpsDay, LocalDate asOf, int maxAgeDays) {
        if (lastNps.isEmpty() || lastNpsDay.isEmpty() || lastNps.getAsInt() > 6) {
            return false;
        }
        return ChronoUnit.DAYS.between(lastNpsDay.get(), asOf) < maxAgeDays;
    }
}
