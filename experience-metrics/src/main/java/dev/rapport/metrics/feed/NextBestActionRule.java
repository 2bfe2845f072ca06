package dev.rapport.metrics.feed;

import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses one next best action per customer. The first rule that applies wins:
 *
 * <ol>
 *   <li>{@code follow_up_detractor}: an NPS answer of 0-6 within {@code detractorDays} of the
 *       as-of day (and no later answer): a person should call or write, by phone if allowed;
 *   <li>{@code win_back}: churn risk band high and the customer has purchased (has an RFM
 *       segment), with the health reasons;
 *   <li>{@code ask_for_review}: an NPS answer of 9-10 within {@code promoterDays}: thank them and
 *       ask for a public review;
 *   <li>{@code upsell}: RFM segment champions, loyal or potential_loyalist;
 *   <li>{@code nurture}: everyone else who can be reached.
 * </ol>
 *
 * <p>Consent is respected: a channel is used only if the customer can be reached on it and its
 * consent allows it ({@link ChannelConsent#allows}). The channel is the preferred one when allowed,
 * else the first allowed of the action's order (phone, email, sms for a follow-up; email, sms,
 * phone otherwise). When no channel is allowed the action is {@code none}, with the reason.
 */
public final class NextBestActionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Set<String> UPSELL_SEGMENTS = Set.of("champions", "loyal", "potential_loyalist");
    private static final List<String> FOLLOW_UP_CHANNELS = List.of("phone", "email", "sms");
    private static final List<String> MARKETING_CHANNELS = List.of("email", "sms", "phone");

    private final int detractorDays;
    private final int promoterDays;
    private final boolean requireExplicitConsent;

    public NextBestActionRule(int detractorDays, int promoterDays, boolean requireExplicitConsent) {
        if (detractorDays < 1 || promoterDays < 1) {
            throw new IllegalArgumentException("the NPS windows must be at least one day");
        }
        this.detractorDays = detractorDays;
        this.promoterDays = promoterDays;
        this.requireExplicitConsent = requireExplicitConsent;
    }

    public NextBestAction choose(CustomerSignals customer) {
        Long npsAge =
                customer.lastNpsDay() == null ? null : ChronoUnit.DAYS.between(customer.lastNpsDay(), customer.asOf());
        if (npsAge != null && npsAge >= 0 && npsAge <= detractorDays && customer.lastNps() <= 6) {
            return on(
                    customer,
                    NextBestAction.FOLLOW_UP_DETRACTOR,
                    FOLLOW_UP_CHANNELS,
                    String.format(
                            Locale.ROOT,
                            "detractor: scored %d on %s; follow up in person%s",
                            customer.lastNps(),
                            customer.lastNpsDay(),
                            customer.openTickets() > 0
                                    ? " (" + customer.openTickets() + " open ticket"
                                            + (customer.openTickets() == 1 ? ")" : "s)")
                                    : ""));
        }
        if ("high".equals(customer.riskBand()) && customer.rfmSegment() != null) {
            return on(
                    customer,
                    NextBestAction.WIN_BACK,
                    MARKETING_CHANNELS,
                    String.format(
                                    Locale.ROOT,
                                    "churn risk %.2f (%s)",
                                    customer.churnRisk() == null ? Double.NaN : customer.churnRisk(),
                                    customer.rfmSegment())
                            + (customer.healthReasons() == null
                                            || customer.healthReasons().isBlank()
                                    ? ""
                                    : ": " + customer.healthReasons()));
        }
        if (npsAge != null && npsAge >= 0 && npsAge <= promoterDays && customer.lastNps() >= 9) {
            return on(
                    customer,
                    NextBestAction.ASK_FOR_REVIEW,
                    MARKETING_CHANNELS,
                    String.format(
                            Locale.ROOT,
                            "promoter: scored %d on %s; thank them and ask for a review",
                            customer.lastNps(),
                            customer.lastNpsDay()));
        }
        if (customer.rfmSegment() != null && UPSELL_SEGMENTS.contains(customer.rfmSegment())) {
            return on(
                    customer,
                    NextBestAction.UPSELL,
                    MARKETING_CHANNELS,
                    "RFM segment " + customer.rfmSegment() + ": offer what they buy next");
        }
        return on(customer, NextBestAction.NURTURE, MARKETING_CHANNELS, "no strong signal: keep in touch");
    }

    private NextBestAction on(CustomerSignals customer, String action, List<String> order, String reason) {
        List<String> allowed = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (String channel : order) {
            if (!customer.reachable().contains(channel)) {
                continue;
            }
            if (customer.consentOn(channel).allows(requireExplicitConsent)) {
                allowed.add(channel);
            } else {
                blocked.add(channel + " " + customer.consentOn(channel).word());
            }
        }
        if (allowed.isEmpty()) {
            String why = blocked.isEmpty()
                    ? "no email address or phone number"
                    : "no channel allowed (" + String.join(", ", blocked) + ")";
            return new NextBestAction(NextBestAction.NONE, null, why + "; would be " + action + ": " + reason);
        }
        String channel = allowed.contains(customer.preferredChannel()) ? customer.preferredChannel() : allowed.get(0);
        return new NextBestAction(action, channel, reason);
    }
}
