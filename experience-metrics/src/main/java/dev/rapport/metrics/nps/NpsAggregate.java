package dev.rapport.metrics.nps;

import java.util.OptionalDouble;

/**
 * Counts of NPS responses by category, and the score they give:
 * {@code nps = 100 * (promoters - detractors) / responses}, from -100 (all detractors) to +100
 * (all promoters). Passives count as responses and so pull the score toward 0.
 *
 * <p>Aggregates add up exactly (counts, not scores), so the NPS of a week is computed from the
 * summed counts of its days, never by averaging daily scores.
 */
public record NpsAggregate(long responses, long promoters, long passives, long detractors) {

    private static final NpsAggregate EMPTY = new NpsAggregate(0, 0, 0, 0);

    public NpsAggregate {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException(
                    "negative count: promoters " + promoters + ", passives " + passives + ", detractors " + detractors);
        }
        if (promoters + passives + detractors != responses) {
            throw new IllegalArgumentException("promoters " + promoters + " + passives " + passives + " + detractors "
                    + detractors + " is not responses " + responses);
        }
    }

    public static NpsAggregate empty() {
        return EMPTY;
    }

    /** The aggregate of these scores, each 0 to 10. */
    public static NpsAggregate of(int... scores) {
        NpsAggregate aggregate = EMPTY;
        for (int score : scores) {
            aggregate = aggregate.plus(score);
        }
        return aggregate;
    }

    /** This aggregate with one more response. */
    public NpsAggregate plus(int score) {
        return switch (NpsScore.classify(score)) {
            case PROMOTER -> new NpsAggregate(responses + 1, promoters + 1, passives, detractors);
            case PASSIVE -> new NpsAggregate(responses + 1, promoters, passives + 1, detractors);
            case DETRACTOR -> new NpsAggregate(responses + 1, promoters, passives, detractors + 1);
        };
    }

    public NpsAggregate plus(NpsAggregate other) {
        return new NpsAggregate(
                responses + other.responses,
                promoters + other.promoters,
                passives + other.passives,
                detractors + other.detractors);
    }

    /**
     * The Net Promoter Score, or empty when there are no responses. Computed in double as
     * {@code 100.0 * (promoters - detractors) / responses}, the same expression the SQL uses, so
     * the two agree to the bit.
     */
    public OptionalDouble nps() {
        if (responses == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (promoters - detractors) / responses);
    }
}
