package dev.rapport.ingest.normalize;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The interaction event types Rapport knows, and the category each belongs to.
 *
 * <p>{@code email_subscribe} is an opt-in (a confirmed newsletter subscription, a resubscribe, a
 * consent checkbox): with {@code email_unsubscribe} and {@code email_spam_report} it is one of the
 * consent decisions {@code metrics.customer_consent} reads. Opens, clicks and sends are not.
 */
public final class EventTypeRule {

    public static final List<String> EVENT_TYPES = List.of(
            "email_sent",
            "email_delivered",
            "email_open",
            "email_machine_open",
            "email_click",
            "email_bounce",
            "email_subscribe",
            "email_unsubscribe",
            "email_spam_report",
            "order",
            "invoice",
            "payment",
            "return",
            "ticket_opened",
            "ticket_replied",
            "ticket_resolved",
            "ticket_reopened",
            "survey_response",
            "web_visit",
            "app_visit");

    public static final Set<String> CATEGORIES = Set.of("email", "commerce", "support", "survey", "web");

    public String eventType(String raw) throws RecordException {
        String type = raw.strip().toLowerCase(Locale.ROOT);
        if (!EVENT_TYPES.contains(type)) {
            throw new RecordException(
                    ErrorCode.UNKNOWN_EVENT_TYPE,
                    "event_type",
                    "event_type is not one of " + String.join(", ", EVENT_TYPES) + "; map the source's values with"
                            + " {column, values}");
        }
        return type;
    }

    public String category(String eventType) {
        if (eventType.startsWith("email_")) {
            return "email";
        }
        if (eventType.startsWith("ticket_")) {
            return "support";
        }
        switch (eventType) {
            case "order", "invoice", "payment", "return":
                return "commerce";
            case "survey_response":
                return "survey";
            case "web_visit", "app_visit":
                return "web";
            default:
                throw new IllegalArgumentException("no category for event type " + eventType);
        }
    }

    public String checkedCategory(String raw) throws RecordException {
        String category = raw.strip().toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw new RecordException(
                    ErrorCode.UNKNOWN_CATEGORY,
                    "category",
                    "category is not one of email, commerce, support, survey, web");
        }
        return category;
    }
}
