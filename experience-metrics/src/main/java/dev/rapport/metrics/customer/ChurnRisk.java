package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A customer's churn risk: the score (0-1), its band and the reasons that added to it, most
 * important first.
 */
public record ChurnRisk(double score, RiskBand band, List<String> reasons) {

    /** The reasons text when no signal added anything. */
    public static final String NO_SIGNALS = "no risk signals";

    public ChurnRisk {
        requireNonNull(band, "band is null");
        reasons = List.copyOf(reasons);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be 0 to 1, got " + score);
        }
    }

    /** The reasons separated by "; ", or {@link #NO_SIGNALS}. */
    public String reasonsText() {
        return reasons.isEmpty() ? NO_SIGNALS : String.join("; ", reasons);
    }
}
