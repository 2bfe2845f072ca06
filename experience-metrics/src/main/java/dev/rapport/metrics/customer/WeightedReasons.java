package dev.rapport.metrics.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The contributions of an additive score, each with its reason: the score is their sum (rounded
 * to 4 decimals, capped at 1), the reasons are listed by contribution, largest first, equal ones
 * in the order they were added.
 */
final class WeightedReasons {

    private record Contribution(double points, String reason, int order) {}

    private final List<Contribution> contributions = new ArrayList<>();

    /** Adds a contribution (rounded to 4 decimals); one of zero points is left out unless {@code always}. */
    void add(double points, String reason, boolean always) {
        double rounded = round(points);
        if (rounded > 0 || always) {
            contributions.add(new Contribution(rounded, reason, contributions.size()));
        }
    }

    void add(double points, String reason) {
        add(points, reason, false);
    }

    double score() {
        double sum = 0;
        for (Contribution contribution : contributions) {
            sum += contribution.points();
        }
        return Math.min(1.0, round(sum));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    List<String> reasons() {
        return contributions.stream()
                .sorted(Comparator.comparingDouble(Contribution::points)
                        .reversed()
                        .thenComparingInt(Contribution::order))
                .map(Contribution::reason)
                .toList();
    }
}
