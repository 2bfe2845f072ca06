package dev.rapport.metrics.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestNextBestActionRule {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private final NextBestActionRule rule = new NextBestActionRule(30, 90, false);

    @Test
    void aRecentDetractorIsFollowedUpBeforeAnythingElse() {
        NextBestAction action = rule.choose(customer("champions", "high", 3, AS_OF.minusDays(10), 2, "email"));

        assertThat(action.action()).isEqualTo(NextBestAction.FOLLOW_UP_DETRACTOR);
        assertThat(action.channel()).isEqualTo("email");
        assertThat(action.reason())
                .isEqualTo("detractor: scored 3 on 2024-06-20; follow up in person (2 open tickets)");
    }

    @Test
    void anOldDetractorAnswerNoLongerCounts() {
        NextBestAction action = rule.choose(customer("champions", "low", 3, AS_OF.minusDays(31), 0, null));

        assertThat(action.action()).isEqualTo(NextBestAction.UPSELL);
        assertThat(action.reason()).isEqualTo("RFM segment champions: offer what they buy next");
    }

    @Test
    void aHighRiskPurchaserIsWonBackWithTheHealthReasons() {
        NextBestAction action = rule.choose(new CustomerSignals(
                AS_OF,
                "at_risk",
                0.82,
                "high",
                "no order in 200 days",
                null,
                null,
                0,
                null,
                Map.of(),
                Set.of("email")));

        assertThat(action.action()).isEqualTo(NextBestAction.WIN_BACK);
        assertThat(action.reason()).isEqualTo("churn risk 0.82 (at_risk): no order in 200 days");
    }

    @Test
    void aHighRiskPersonWhoNeverBoughtIsNotWonBack() {
        NextBestAction action = rule.choose(customer(null, "high", null, null, 0, null));

        assertThat(action.action()).isEqualTo(NextBestAction.NURTURE);
    }

    @Test
    void aRecentPromoterIsAskedForAReview() {
        NextBestAction action = rule.choose(customer("new_customer", "low", 10, AS_OF.minusDays(60), 0, null));

        assertThat(action.action()).isEqualTo(NextBestAction.ASK_FOR_REVIEW);
        assertThat(action.reason()).isEqualTo("promoter: scored 10 on 2024-05-01; thank them and ask for a review");
    }

    @Test
    void aWithdrawnChannelIsNeverUsedAndThePreferredAllowedOneIs() {
        CustomerSignals signals = new CustomerSignals(
                AS_OF,
                "loyal",
                0.1,
                "low",
                null,
                null,
                null,
                0,
                "email",
                Map.of("email", ChannelConsent.WITHDRAWN),
                Set.of("email", "sms", "phone"));

        NextBestAction action = rule.choose(signals);

        assertThat(action.action()).isEqualTo(NextBestAction.UPSELL);
        assertThat(action.channel()).isEqualTo("sms");
    }

    @Test
    void withNoAllowedChannelTheActionIsNoneAndSaysWhy() {
        CustomerSignals signals = new CustomerSignals(
                AS_OF,
                "loyal",
                0.1,
                "low",
                null,
                null,
                null,
                0,
                null,
                Map.of("email", ChannelConsent.WITHDRAWN),
                Set.of("email"));

        NextBestAction action = rule.choose(signals);

        assertThat(action.action()).isEqualTo(NextBestAction.NONE);
        assertThat(action.channel()).isNull();
        assertThat(action.reason())
                .isEqualTo("no channel allowed (email withdrawn); would be upsell: RFM segment loyal: offer what they"
                        + " buy next");
    }

    @Test
    void explicitConsentModeNeedsAGrant() {
        NextBestActionRule explicit = new NextBestActionRule(30, 90, true);
        CustomerSignals unknown = customer("loyal", "low", null, null, 0, null);
        CustomerSignals granted = new CustomerSignals(
                AS_OF,
                "loyal",
                0.1,
                "low",
                null,
                null,
                null,
                0,
                null,
                Map.of("sms", ChannelConsent.GRANTED),
                Set.of("email", "sms"));

        assertThat(explicit.choose(unknown).action()).isEqualTo(NextBestAction.NONE);
        assertThat(explicit.choose(granted).channel()).isEqualTo("sms");
    }

    private static CustomerSignals customer(
            String rfm, String band, Integer nps, LocalDate npsDay, int openTickets, String preferred) {
        return new CustomerSignals(
                AS_OF,
                rfm,
                0.5,
                band,
                null,
                nps,
                npsDay,
                openTickets,
                preferred,
                Map.of(),
                Set.of("email", "phone", "sms"));
    }
}
