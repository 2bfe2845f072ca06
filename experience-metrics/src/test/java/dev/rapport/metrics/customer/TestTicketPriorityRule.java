package dev.rapport.metrics.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TestTicketPriorityRule {

    private static final Instant CLOCK = Instant.parse("2026-12-01T12:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final TicketPriorityRule rule = new TicketPriorityRule(HealthConfig.defaults());

    private static TicketSignals anonymous(String openedAt, long targetMinutes) {
        return new TicketSignals(
                CLOCK,
                Instant.parse(openedAt),
                targetMinutes,
                OptionalInt.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                AS_OF,
                false);
    }

    @Test
    void theSlaPartGrowsInTheLastDayAndIsFullOncePast() {
        // 48 h target: due 2026-12-03T11:00, 47 h left -> 0
        TicketPriority early = rule.assess(anonymous("2026-12-01T11:00:00Z", 48 * 60));
        assertThat(early.score()).isEqualTo(0.0);
        assertThat(early.reasonsText()).isEqualTo("47.0 hours left to the SLA target");
        // 8 h target opened 09:00: due 17:00, 5 h left -> 0.30 x 19/24 = 0.2375
        TicketPriority close = rule.assess(anonymous("2026-12-01T09:00:00Z", 8 * 60));
        assertThat(close.score()).isEqualTo(0.2375);
        // due 11:30: 30 minutes past -> 0.30
        TicketPriority late = rule.assess(anonymous("2026-12-01T03:30:00Z", 8 * 60));
        assertThat(late.score()).isEqualTo(0.3);
        assertThat(late.reasonsText()).isEqualTo("0.5 hours past the SLA target");
    }

    @Test
    void customerSignalsAddTheirWeightsAndListLargestFirst() {
        TicketSignals ticket = new TicketSignals(
                CLOCK,
                Instant.parse("2026-11-30T20:00:00Z"),
                48 * 60,
                OptionalInt.of(5),
                Optional.of("champions"),
                OptionalDouble.of(0.2),
                Optional.of("low"),
                OptionalInt.of(4),
                Optional.of(LocalDate.of(2026, 11, 20)),
                AS_OF,
                true);
        // value 0.25 x 5/5 = 0.25; detractor 0.15; repeat 0.10; churn 0.25 x 0.2 = 0.05; SLA 32 h left 0
        TicketPriority priority = rule.assess(ticket);

        assertThat(priority.score()).isEqualTo(0.55);
        assertThat(priority.reasons())
                .containsExactly(
                        "customer value: monetary score 5 of 5 (champions)",
                        "detractor: scored 4 on 2026-11-20",
                        "repeat contact: another ticket in the 7 days before",
                        "churn risk 0.20 (low)",
                        "32.0 hours left to the SLA target");
        assertThat(ticket.slaDueAt()).isEqualTo(Instant.parse("2026-12-02T20:00:00Z"));
    }

    @Test
    void anOldOrPassiveAnswerIsNoDetractor() {
        TicketSignals old = new TicketSignals(
                CLOCK,
                Instant.parse("2026-12-01T11:00:00Z"),
                48 * 60,
                OptionalInt.empty(),
                Optional.empty(),
                OptionalDouble.of(0.0),
                Optional.of("low"),
                OptionalInt.of(2),
                Optional.of(LocalDate.of(2025, 6, 1)),
                AS_OF,
                false);

        assertThat(rule.assess(old).score()).isEqualTo(0.0);
        assertThat(rule.assess(old).reasonsText()).isEqualTo("47.0 hours left to the SLA target");
    }
}
