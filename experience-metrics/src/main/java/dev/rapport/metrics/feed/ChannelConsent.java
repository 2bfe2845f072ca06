package dev.rapport.metrics.feed;

import java.util.Locale;

/**
 * A customer's consent on one channel, as {@code metrics.customer_consent} states it.
 *
 * <p>{@link #UNKNOWN} (no source said anything) allows a message unless the feed requires explicit
 * consent: Rapport's customers are existing customers, the case of the "soft opt-in" for a
 * company's own similar products. {@link #WITHDRAWN} (an unsubscribe, a spam report, an opt-out in
 * the CRM) always blocks the channel.
 */
public enum ChannelConsent {
    GRANTED,
    WITHDRAWN,
    UNKNOWN;

    /** Reads the table's value; null or an unknown word is {@link #UNKNOWN}. */
    public static ChannelConsent of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "granted" -> GRANTED;
            case "withdrawn" -> WITHDRAWN;
            default -> UNKNOWN;
        };
    }

    /** Whether a message may go out on the channel. */
    public boolean allows(boolean requireExplicitConsent) {
        return this == GRANTED || (this == UNKNOWN && !requireExplicitConsent);
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
