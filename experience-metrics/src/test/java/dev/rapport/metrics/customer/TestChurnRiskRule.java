package dev.rapport.metrics.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TestChurnRiskRule {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final ChurnRiskRule rule = new ChurnRiskRule(HealthConfig.defaults());

    private static HealthSignals signals(
            Integer nps, LocalDate npsDay, int open, int breached, int recent, int previous, Integer email) {
        return new HealthSignals(
                AS_OF,
                nps == null ? OptionalInt.empty() : OptionalInt.of(nps),
                Optional.ofNullable(npsDay),
                open,
                breached,
                recent,
                previous,
                email == null ? OptionalInt.empty() : OptionalInt.of(email));
    }

    @Test
    void noSignalsIsLowRiskWithNoReasons() {
        ChurnRisk risk = rule.assess(signals(10, LocalDate.of(2026, 11, 1), 0, 0, 3, 3, 10));

        assertThat(risk.score()).isEqualTo(0.0);
        assertThat(risk.band()).isEqualTo(RiskBand.LOW);
        assertThat(risk.reasonsText()).isEqualTo("no risk signals");
    }

    @Test
    void everySignalAddsItsWeightAndTheReasonsAreLargestFirst() {
        // 0.35 detractor + 2 x 0.15 breached + 3 x 0.05 open + 0.20 x 3/4 decline + 0.15 email = 1.10 -> 1
        ChurnRisk risk = rule.assess(signals(3, LocalDate.of(2026, 10, 2), 3, 2, 1, 4, 120));

        assertThat(risk.score()).isEqualTo(1.0);
        assertThat(risk.band()).isEqualTo(RiskBand.HIGH);
        assertThat(risk.reasonsText())
                .isEqualTo("detractor: scored 3 on 2026-10-02; 2 support tickets past their SLA; 3 open support"
                        + " tickets; ordering less often: 1 order in the last 90 days vs 4 before; no email opened in"
                        + " 120 days");
    }

    @Test
    void ticketCountsAreCappedAndEqualContributionsKeepTheDocumentedOrder() {
        // 2 (cap) x 0.15 = 0.30 breached; 3 (cap) x 0.05 = 0.15 open; email 0.15 -> 0.60
        ChurnRisk risk = rule.assess(signals(null, null, 5, 4, 0, 0, 60));

        assertThat(risk.score()).isEqualTo(0.6);
        assertThat(risk.reasons())
                .containsExactly(
                        "4 support tickets past their SLA", "5 open support tickets", "no email opened in 60 days");
    }

    @Test
    void bandsStartAtTheirThresholds() {
        // decline 0.20 x 1/1 = 0.20: low; + email 0.15 = 0.35: medium; 0.35 detractor + 0.15 + 0.05: high
        assertThat(rule.assess(signals(null, null, 0, 0, 0, 1, null)).band()).isEqualTo(RiskBand.LOW);
        assertThat(rule.assess(signals(null, null, 0, 0, 0, 1, 59)).band()).isEqualTo(RiskBand.LOW);
        assertThat(rule.assess(signals(null, null, 0, 0, 0, 1, 60)).band()).isEqualTo(RiskBand.MEDIUM);
        ChurnRisk high = rule.assess(signals(6, AS_OF, 1, 1, 0, 0, null));
        assertThat(high.score()).isEqualTo(0.55);
        assertThat(high.band()).isEqualTo(RiskBand.HIGH);
    }

    @Test
    void aDetractorAnswerCountsForNpsMaxAgeDays() {
        // 364 days before as_of counts; 365 does not (the 365 days ending with as_of)
        assertThat(rule.assess(signals(0, AS_OF.minusDays(364), 0, 0, 0, 0, null))
                        .score())
                .isEqualTo(0.35);
        assertThat(rule.assess(signals(0, AS_OF.minusDays(365), 0, 0, 0, 0, null))
                        .score())
                .isEqualTo(0.0);
        // a passive is no detractor
        assertThat(rule.assess(signals(7, AS_OF, 0, 0, 0, 0, null)).score()).isEqualTo(0.0);
    }

    @Test
    void orderingMoreOrTheSameIsNoDecline() {
        assertThat(rule.assess(signals(null, null, 0, 0, 4, 1, null)).reasons()).isEmpty();
        assertThat(rule.assess(signals(null, null, 0, 0, 2, 2, null)).reasons()).isEmpty();
    }

    @Test
    void configuredWeightsApply() {
        HealthConfig config = new HealthConfig(30, 90, 30, 3, 2, 0.5, 0.15, 0.05, 0.40, 0.15, 0.25, 0.50);
        ChurnRisk risk = new ChurnRiskRule(config).assess(signals(null, null, 0, 0, 1, 2, null));

        assertThat(risk.score()).isEqualTo(0.2);
        assertThat(risk.reasonsText()).isEqualTo("ordering less often: 1 order in the last 30 days vs 2 before");
    }

    @Test
    void inconsistentSignalsAreRejected() {
        assertThatThrownBy(() -> signals(null, null, 1, 2, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("breachedTickets 2 is more than openTickets 1");
    }
}
