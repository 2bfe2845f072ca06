package dev.rapport.metrics.customer;

import java.util.Locale;

/** The band of a churn risk: below medium_risk low, below high_risk medium, else high. */
public enum RiskBand {
    LOW,
    MEDIUM,
    HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
