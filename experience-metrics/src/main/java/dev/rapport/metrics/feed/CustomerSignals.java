package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the feed knows of one customer on its as-of day: the inputs of {@link NextBestActionRule}.
 *
 * @param asOf the day the feed describes
 * @param rfmSegment the customer's RFM segment, null when they never purchased
 * @param churnRisk churn risk 0..1 from {@code metrics.customer_health}, null when unknown
 * @param riskBand low, medium or high, null when unknown
 * @param healthReasons the health reasons in words ("; " separated), null when none
 * @param lastNps the latest NPS score, null when the customer never answered
 * @param lastNpsDay the day of that answer, null with it
 * @param openTickets support tickets still open
 * @param preferredChannel the channel the customer engages on most recently, null when unknown
 * @param consent consent per channel (email, sms, phone); a missing channel is unknown
 * @param reachable the channels the customer can be reached on at all (an email address for
 *     email, a phone number for sms and phone)
 */
public record CustomerSignals(
        LocalDate asOf,
        String rfmSegment,
        Double churnRisk,
        String riskBand,
        String healthReasons,
        Integer lastNps,
        LocalDate lastNpsDay,
        int openTickets,
        String preferredChannel,
        Map<String, ChannelConsent> consent,
        java.util.Set<String> reachable) {

    public CustomerSignals {
        requireNonNull(asOf, "asOf is null");
        consent = Map.copyOf(requireNonNull(consent, "consent is null"));
        reachable = java.util.Set.copyOf(requireNonNull(reachable, "reachable is null"));
        if ((lastNps == null) != (lastNpsDay == null)) {
            throw new IllegalArgumentException("lastNps and lastNpsDay go together");
        }
    }

    public ChannelConsent consentOn(String channel) {
        return consent.getOrDefault(channel, ChannelConsent.UNKNOWN);
    }
}
