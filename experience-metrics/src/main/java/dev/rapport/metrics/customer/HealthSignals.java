package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link ChurnRiskRule} knows of one customer on day {@code asOf}.
 *
 * @param lastNps the latest NPS answer (0-10) up to as_of, if any
 * @param lastNpsDay its UTC day
 * @param openTickets support tickets open now
 * @param breachedTickets of those, tickets past a first-response or resolution target
 * @param recentOrders orders in the window ending with as_of
 * @param previousOrders orders in the window of the same length before it
 * @param daysSinceEmailEngagement days since the latest email open or click, if ever
 */
public record HealthSignals(
        LocalDate asOf,
        OptionalInt lastNps,
        Optional<LocalDate> lastNpsDay,
        int openTickets,
        int breachedTickets,
        int recentOrders,
        int previousOrders,
        OptionalInt daysSinceEmailEngagement) {

    public HealthSignals {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(lastNps, "lastNps is null");
        requireNonNull(lastNpsDay, "lastNpsDay is null");
        requireNonNull(daysSinceEmailEngagement, "daysSinceEmailEngagement is null");
        if (lastNps.isPresent() != lastNpsDay.isPresent()) {
            throw new IllegalArgumentException("lastNps and lastNpsDay go together");
        }
        if (openTickets < 0 || breachedTickets < 0 || recentOrders < 0 || previousOrders < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (breachedTickets > openTickets) {
            throw new IllegalArgumentException(
                    "breachedTickets " + breachedTickets + " is more than openTickets " + openTickets);
        }
    }
}
