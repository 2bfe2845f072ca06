package dev.rapport.metrics.customer;

import java.util.Locale;

/**
 * The named RFM segments of {@code metrics.customer_rfm}, chosen by {@link RfmSegmentRule} from
 * the recency, frequency and monetary scores (1-5, 5 best).
 */
public enum RfmSegment {
    CHAMPIONS,
    LOYAL,
    POTENTIAL_LOYALIST,
    NEW_CUSTOMER,
    PROMISING,
    NEEDS_ATTENTION,
    AT_RISK,
    CANT_LOSE_THEM,
    HIBERNATING,
    LOST;

    /** The name written in the table: {@code potential_loyalist}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
