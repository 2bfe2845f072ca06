package dev.rapport.metrics.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a ticket breaches a target, the rule {@code support_sla.sql} applies in SQL, stated once in
 * Java: a step done later than {@code start + target} breaches; a step not done yet breaches once
 * {@code asOf} (the latest event time in the data, so a rerun on the same data gives the same
 * answer) is later than {@code start + target}. Done exactly at the target is on time.
 */
public final class SlaBreachRule {

    private SlaBreachRule() {}

    public static boolean breached(Instant start, Optional<Instant> done, Duration target, Instant asOf) {
        requireNonNull(start, "start is null");
        requireNonNull(done, "done is null");
        requireNonNull(target, "target is null");
        requireNonNull(asOf, "asOf is null");
        Instant deadline = start.plus(target);
        return done.orElse(asOf).isAfter(deadline);
    }
}
