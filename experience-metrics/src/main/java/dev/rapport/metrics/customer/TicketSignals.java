package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What {@link TicketPriorityRule} knows of one open ticket.
 *
 * @param clock the instant the SLA is measured at (metrics.support_sla's as_of, the latest event)
 * @param openedAt when the ticket was opened
 * @param resolutionTargetMinutes the SLA policy's resolution target of its priority
 * @param mScore the customer's monetary score (customer_rfm), if they have one
 * @param rfmSegment their RFM segment, if any
 * @param churnRisk their churn risk (customer_health), if the ticket has a customer
 * @param riskBand its band
 * @param lastNps their latest NPS answer, if any
 * @param lastNpsDay its UTC day
 * @param asOf the day the customer metrics are computed as of
 * @param repeatContact the customer opened another ticket in the 7 days before this one
 */
public record TicketSignals(
        Instant clock,
        Instant openedAt,
        long resolutionTargetMinutes,
        OptionalInt mScore,
        Optional<String> rfmSegment,
        OptionalDouble churnRisk,
        Optional<String> riskBand,
        OptionalInt lastNps,
        Optional<LocalDate> lastNpsDay,
        LocalDate asOf,
        boolean repeatContact) {

    public TicketSignals {
        requireNonNull(clock, "clock is null");
        requireNonNull(openedAt, "openedAt is null");
        requireNonNull(mScore, "mScore is null");
        requireNonNull(rfmSegment, "rfmSegment is null");
        requireNonNull(churnRisk, "churnRisk is null");
        requireNonNull(riskBand, "riskBand is null");
        requireNonNull(lastNps, "lastNps is null");
        requireNonNull(lastNpsDay, "lastNpsDay is null");
        requireNonNull(asOf, "asOf is null");
        if (resolutionTargetMinutes < 1) {
            throw new IllegalArgumentException(
                    "resolutionTargetMinutes must be positive, got " + resolutionTargetMinutes);
        }
    }

    /** When the ticket should be resolved by: openedAt plus the resolution target. */
    public Instant slaDueAt() {
        return openedAt.plusSeconds(resolutionTargetMinutes * 60);
    }
}
