package dev.rapport.metrics.customer;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The weights and windows of the churn-risk model of {@code metrics.customer_health} ({@link
 * ChurnRiskRule}), the {@code metrics.health} section of {@code rapport.yaml}; every setting has
 * the default shown:
 *
 * <pre>{@code
 * metrics:
 *   health:
 *     window_days: 90            # recent orders: the 90 days ending with as_of; previous: the 90 before
 *     nps_max_age_days: 365      # a detractor answer counts for this many days
 *     email_inactive_days: 60    # no email opened or clicked for this many days is a signal
 *     max_open_tickets: 3        # open tickets counted at most
 *     max_breached_tickets: 2    # tickets past their SLA counted at most
 *     weights:
 *       detractor: 0.35          # the latest NPS answer scored 0-6
 *       breached_ticket: 0.15    # per open ticket past an SLA target
 *       open_ticket: 0.05        # per open ticket
 *       order_decline: 0.20      # x (previous - recent) / previous when recent < previous
 *       email_inactive: 0.15
 *     medium_risk: 0.25          # churn_risk from which the band is medium
 *     high_risk: 0.50            # ... and high
 * }</pre>
 */
public record HealthConfig(
        int windowDays,
        int npsMaxAgeDays,
        int emailInactiveDays,
        int maxOpenTickets,
        int maxBreachedTickets,
        double detractorWeight,
        double breachedTicketWeight,
        double openTicketWeight,
        double orderDeclineWeight,
        double emailInactiveWeight,
        double mediumRisk,
        double highRisk)
        implements Serializable {

    public static final String WINDOW_DAYS = "window_days";
    public static final String NPS_MAX_AGE_DAYS = "nps_max_age_days";
    public static final String EMAIL_INACTIVE_DAYS = "email_inactive_days";
    public static final String MAX_OPEN_TICKETS = "max_open_tickets";
    public static final String MAX_BREACHED_TICKETS = "max_breached_tickets";
    public static final String WEIGHTS = "weights";
    public static final String MEDIUM_RISK = "medium_risk";
    public static final String HIGH_RISK = "high_risk";
    public static final String DETRACTOR = "detractor";
    public static final String BREACHED_TICKET = "breached_ticket";
    public static final String OPEN_TICKET = "open_ticket";
    public static final String ORDER_DECLINE = "order_decline";
    public static final String EMAIL_INACTIVE = "email_inactive";

    private static final Set<String> KEYS = Set.of(
            WINDOW_DAYS,
            NPS_MAX_AGE_DAYS,
            EMAIL_INACTIVE_DAYS,
            MAX_OPEN_TICKETS,
            MAX_BREACHED_TICKETS,
            WEIGHTS,
            MEDIUM_RISK,
            HIGH_RISK);
    private static final Set<String> WEIGHT_KEYS =
            Set.of(DETRACTOR, BREACHED_TICKET, OPEN_TICKET, ORDER_DECLINE, EMAIL_INACTIVE);

    public HealthConfig {
        positive(windowDays, "windowDays");
        positive(npsMaxAgeDays, "npsMaxAgeDays");
        positive(emailInactiveDays, "emailInactiveDays");
        positive(maxOpenTickets, "maxOpenTickets");
        positive(maxBreachedTickets, "maxBreachedTickets");
        for (double weight : new double[] {
            detractorWeight, breachedTicketWeight, openTicketWeight, orderDeclineWeight, emailInactiveWeight
        }) {
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("weights must be 0 to 1, got " + weight);
            }
        }
        if (!(mediumRisk > 0 && mediumRisk < highRisk && highRisk <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < mediumRisk < highRisk <= 1, got " + mediumRisk + " and " + highRisk);
        }
    }

    public static HealthConfig defaults() {
        return new HealthConfig(90, 365, 60, 3, 2, 0.35, 0.15, 0.05, 0.20, 0.15, 0.25, 0.50);
    }

    /** Reads the section under {@code key}; a missing section or setting gives the defaults. */
    public static HealthConfig fromMap(Object value, String key) {
        if (value == null) {
            return defaults();
        }
        if (!(value instanceof Map<?, ?> section)) {
            throw new InvalidConfigException(key, "must be a map of settings (write {} for the defaults)");
        }
        unknown(section, KEYS, key);
        Object weightsValue = section.get(WEIGHTS);
        if (weightsValue != null && !(weightsValue instanceof Map<?, ?>)) {
            throw new InvalidConfigException(key + "." + WEIGHTS, "must be a map like {detractor: 0.35}");
        }
        Map<?, ?> weights = weightsValue == null ? Map.of() : (Map<?, ?>) weightsValue;
        unknown(weights, WEIGHT_KEYS, key + "." + WEIGHTS);
        HealthConfig d = defaults();
        String w = key + "." + WEIGHTS + ".";
        double medium = ConfigValues.fraction(section.get(MEDIUM_RISK), key + "." + MEDIUM_RISK, d.mediumRisk());
        double high = ConfigValues.fraction(section.get(HIGH_RISK), key + "." + HIGH_RISK, d.highRisk());
        if (!(medium > 0 && medium < high)) {
            throw new InvalidConfigException(
                    key + "." + MEDIUM_RISK, "is " + medium + "; it must be above 0 and below high_risk " + high);
        }
        return new HealthConfig(
                ConfigValues.wholeNumber(section.get(WINDOW_DAYS), key + "." + WINDOW_DAYS, d.windowDays(), 1, 3650),
                ConfigValues.wholeNumber(
                        section.get(NPS_MAX_AGE_DAYS), key + "." + NPS_MAX_AGE_DAYS, d.npsMaxAgeDays(), 1, 36_600),
                ConfigValues.wholeNumber(
                        section.get(EMAIL_INACTIVE_DAYS),
                        key + "." + EMAIL_INACTIVE_DAYS,
                        d.emailInactiveDays(),
                        1,
                        36_600),
                ConfigValues.wholeNumber(
                        section.get(MAX_OPEN_TICKETS), key + "." + MAX_OPEN_TICKETS, d.maxOpenTickets(), 1, 100),
                ConfigValues.wholeNumber(
                        section.get(MAX_BREACHED_TICKETS),
                        key + "." + MAX_BREACHED_TICKETS,
                        d.maxBreachedTickets(),
                        1,
                        100),
                ConfigValues.fraction(weights.get(DETRACTOR), w + DETRACTOR, d.detractorWeight()),
                ConfigValues.fraction(weights.get(BREACHED_TICKET), w + BREACHED_TICKET, d.breachedTicketWeight()),
                ConfigValues.fraction(weights.get(OPEN_TICKET), w + OPEN_TICKET, d.openTicketWeight()),
                ConfigValues.fraction(weights.get(ORDER_DECLINE), w + ORDER_DECLINE, d.orderDeclineWeight()),
                ConfigValues.fraction(weights.get(EMAIL_INACTIVE), w + EMAIL_INACTIVE, d.emailInactiveWeight()),
                medium,
                high);
    }

    private static void unknown(Map<?, ?> section, Set<String> known, String key) {
        for (Object name : section.keySet()) {
            if (!known.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
