package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one feed run wrote.
 *
 * @param asOf the day the feed describes
 * @param customers rows of {@code feeds.personalization}
 * @param actions customers per next best action
 * @param invitations invitations of the as-of day per survey type
 * @param destinations the destinations exported to, by name
 * @param elapsed wall time of the run
 */
public record FeedReport(
        LocalDate asOf,
        long customers,
        Map<String, Long> actions,
        Map<String, Long> invitations,
        List<String> destinations,
        Duration elapsed) {

    public FeedReport {
        requireNonNull(asOf, "asOf is null");
        actions = Map.copyOf(actions);
        invitations = Map.copyOf(invitations);
        destinations = List.copyOf(destinations);
        requireNonNull(elapsed, "elapsed is null");
    }

    public long invitationCount() {
        return invitations.values().stream().mapToLong(Long::longValue).sum();
    }
}
