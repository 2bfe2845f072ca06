package dev.rapport.metrics.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A transition of {@code metrics.stage_transitions}: from one journey stage to a later one, and
 * the rule that decides whether a customer converted and how long it took.
 */
public enum StageTransition {
    FIRST_SEEN_TO_LEAD(Stage.FIRST_SEEN, Stage.LEAD),
    FIRST_SEEN_TO_EMAIL_ENGAGED(Stage.FIRST_SEEN, Stage.EMAIL_ENGAGED),
    FIRST_SEEN_TO_FIRST_PURCHASE(Stage.FIRST_SEEN, Stage.FIRST_PURCHASE),
    LEAD_TO_FIRST_PURCHASE(Stage.LEAD, Stage.FIRST_PURCHASE),
    EMAIL_ENGAGED_TO_FIRST_PURCHASE(Stage.EMAIL_ENGAGED, Stage.FIRST_PURCHASE),
    FIRST_PURCHASE_TO_REPEAT_PURCHASE(Stage.FIRST_PURCHASE, Stage.REPEAT_PURCHASE),
    FIRST_PURCHASE_TO_SUPPORT_CONTACT(Stage.FIRST_PURCHASE, Stage.SUPPORT_CONTACT),
    FIRST_PURCHASE_TO_PROMOTER(Stage.FIRST_PURCHASE, Stage.PROMOTER),
    FIRST_PURCHASE_TO_DETRACTOR(Stage.FIRST_PURCHASE, Stage.DETRACTOR),
    SUPPORT_CONTACT_TO_PROMOTER(Stage.SUPPORT_CONTACT, Stage.PROMOTER),
    SUPPORT_CONTACT_TO_DETRACTOR(Stage.SUPPORT_CONTACT, Stage.DETRACTOR),
    FIRST_PURCHASE_TO_CHURNED(Stage.FIRST_PURCHASE, Stage.CHURNED);

    /**
     * The journey stages (defined in {@code journey_stages.sql}), in the order their times are
     * passed to {@code rapport_stage_transitions}.
     */
    public enum Stage {
        FIRST_SEEN,
        LEAD,
        EMAIL_ENGAGED,
        FIRST_PURCHASE,
        REPEAT_PURCHASE,
        SUPPORT_CONTACT,
        PROMOTER,
        DETRACTOR,
        CHURNED;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** The stage's name in the tables, e.g. {@code first_purchase}. */
        public String label() {
            return label;
        }
    }

    private final Stage from;
    private final Stage to;

    StageTransition(Stage from, Stage to) {
        this.from = from;
        this.to = to;
    }

    public Stage from() {
        return from;
    }

    public Stage to() {
        return to;
    }

    /**
     * Days after the from stage within which reaching the to stage counts as converting: the
     * journey's window ({@link JourneyConfig#windowDays}), plus churn_after_days for churn, which is
     * only reached that long after the last activity.
     */
    public int windowDays(int journeyWindowDays, int churnAfterDays) {
        return to == Stage.CHURNED ? journeyWindowDays + churnAfterDays : journeyWindowDays;
    }

    /**
     * Hours from the from stage to the to stage (whole seconds, truncated) when the to stage was
     * reached at or after the from stage and at most windowDays days after it; empty otherwise
     * (not reached, reached earlier or too late).
     */
    public static OptionalDouble convertedHours(Instant fromAt, Instant toAt, int windowDays) {
        if (toAt == null || toAt.isBefore(fromAt) || toAt.isAfter(fromAt.plus(Duration.ofDays(windowDays)))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Duration.between(fromAt, toAt).toSeconds() / 3600.0);
    }
}
