package dev.rapport.metrics.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The targets of one ticket priority: time to the first agent reply and time to resolution. */
public record SlaTarget(Duration firstResponse, Duration resolution) {

    public SlaTarget {
        requireNonNull(firstResponse, "firstResponse is null");
        requireNonNull(resolution, "resolution is null");
        if (firstResponse.isNegative() || firstResponse.isZero()) {
            throw new IllegalArgumentException("firstResponse must be positive, got " + firstResponse);
        }
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("resolution must be positive, got " + resolution);
        }
    }
}
