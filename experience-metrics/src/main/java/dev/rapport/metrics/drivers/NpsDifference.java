package dev.rapport.metrics.drivers;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.metrics.nps.NpsConfidenceInterval;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How much a driver moves NPS: the NPS of the responses with it minus the NPS of those without, its
 * 95% confidence interval and the two-sided p-value of "no difference".
 *
 * <p>Each response is a value +100, 0 or -100, so NPS is a mean and the difference of two NPS is a
 * difference of means of independent samples: {@code se = sqrt(var_with / n_with + var_without /
 * n_without)} with {@code var = 100^2 (P + D) / n - nps^2} (as {@link NpsConfidenceInterval}), the
 * interval {@code difference -/+ 1.959964 se} and {@code z = difference / se} against the standard
 * normal (Welch's normal approximation, fine from a few dozen responses on each side). With fewer
 * than {@value #MIN_RESPONSES_PER_SIDE} responses on a side, or no spread on either (se 0), there is
 * no test: the interval and p-value are empty (two promoters against the rest would otherwise look
 * "significant").
 */
public record NpsDifference(
        double difference, OptionalDouble ciLow, OptionalDouble ciHigh, OptionalDouble z, OptionalDouble pValue) {

    /** Fewer responses than this on a side give no interval and no p-value. */
    public static final int MIN_RESPONSES_PER_SIDE = 5;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public NpsDifference {
        requireNonNull(ciLow, "ciLow is null");
        requireNonNull(ciHigh, "ciHigh is null");
        requireNonNull(z, "z is null");
        requireNonNull(pValue, "pValue is null");
    }

    /** Both sides need at least one response. */
    public static NpsDifference between(NpsAggregate with, NpsAggregate without) {
        if (with.responses() == 0 || without.responses() == 0) {
            throw new IllegalArgumentException(
                    "both sides need responses: with " + with.responses() + ", without " + without.responses());
        }
        double npsWith = with.nps().getAsDouble();
        double npsWithout = without.nps().getAsDouble();
        double difference = npsWith - npsWithout;
        double se = Math.sqrt(
                variance(with, npsWith) / with.responses() + variance(without, npsWithout) / without.responses());
        if (se == 0 || with.responses() < MIN_RESPONSES_PER_SIDE || without.responses() < MIN_RESPONSES_PER_SIDE) {
            return new NpsDifference(
                    difference,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        double z = difference / se;
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        return new NpsDifference(
                difference,
                OptionalDouble.of(difference - NpsConfidenceInterval.Z_95 * se),
                OptionalDouble.of(difference + NpsConfidenceInterval.Z_95 * se),
                OptionalDouble.of(z),
                OptionalDouble.of(p));
    }

    /** p-value below 0.05. */
    public boolean significant() {
        return pValue.isPresent() && pValue.getAsDouble() < 0.05;
    }

    private static double variance(NpsAggregate aggregate, double nps) {
        return Math.max(
                0.0, 10_000.0 * (aggregate.promoters() + aggregate.detractors()) / aggregate.responses() - nps * nps);
    }
}
