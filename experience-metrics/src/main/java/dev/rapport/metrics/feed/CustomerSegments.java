package dev.rapport.metrics.feed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments a customer belongs to on the as-of day, as destination systems use them for
 * targeting: {@code rfm_<segment>} (their RFM segment), {@code churn_risk_<band>} (their health
 * band), and {@code nps_promoter}, {@code nps_passive} or {@code nps_detractor} when their latest
 * NPS answer is at most {@link #NPS_DAYS} days old. In that order; none may be empty.
 */
public final class CustomerSegments {

    /** How long an NPS answer keeps the customer in its NPS segment. */
    public static final int NPS_DAYS = 180;

    private CustomerSegments() {}

    public static List<String> of(
            LocalDate asOf, String rfmSegment, String riskBand, Integer lastNps, LocalDate lastNpsDay) {
        List<String> segments = new ArrayList<>();
        if (rfmSegment != null && !rfmSegment.isBlank()) {
            segments.add("rfm_" + rfmSegment);
        }
        if (riskBand != null && !riskBand.isBlank()) {
            segments.add("churn_risk_" + riskBand);
        }
        if (lastNps != null && lastNpsDay != null && asOf != null) {
            long age = ChronoUnit.DAYS.between(lastNpsDay, asOf);
            if (age >= 0 && age <= NPS_DAYS) {
                segments.add(lastNps >= 9 ? "nps_promoter" : lastNps >= 7 ? "nps_passive" : "nps_detractor");
            }
        }
        return List.copyOf(segments);
    }
}
