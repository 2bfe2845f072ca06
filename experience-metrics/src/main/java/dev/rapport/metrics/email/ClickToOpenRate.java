package dev.rapport.metrics.email;

import java.util.OptionalDouble;

/**
 * Click-to-open rate as {@code email_engagement.sql} computes it: unique clickers over unique
 * human openers (machine opens by privacy proxies are left out of the denominator, since they
 * open every message whether or not anyone reads it). Empty when nobody opened.
 *
 * <p>Rows of several days or campaigns combine by summing the counts and dividing again, never
 * by averaging the rates. A day's rate can exceed 1: a recipient who opened yesterday may click
 * today.
 */
public final class ClickToOpenRate {

    private ClickToOpenRate() {}

    public static OptionalDouble of(long uniqueClicks, long uniqueOpens) {
        if (uniqueClicks < 0 || uniqueOpens < 0) {
            throw new IllegalArgumentException("counts are negative: " + uniqueClicks + ", " + uniqueOpens);
        }
        return uniqueOpens == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) uniqueClicks / uniqueOpens);
    }
}
