package dev.rapport.ingest.map;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.normalize.AmountNormalizer;
import dev.rapport.ingest.normalize.EmailNormalizer;
import dev.rapport.ingest.normalize.EventTypeRule;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.ingest.normalize.SurveyScoreRule;
import dev.rapport.ingest.normalize.TemporalNormalizer;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.schemas.avro.Interaction;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a source row to a validated, normalized {@link Interaction}.
 *
 * <p>Policy: {@code source_event_id}, {@code event_type} and {@code event_time} are required; an
 * unknown event type, an amount, currency, score or timestamp that cannot be read rejects the event.
 * An invalid email is dropped (email and email_key empty) unless it was the event's only link to a
 * customer (no {@code customer_ref}): then the event is rejected as {@code INVALID_EMAIL}.
 */
public final class InteractionMapper {

    private final SourceConfig source;
    private final String runId;
    private final Instant ingestedAt;
    private final TemporalNormalizer temporal;
    private final EmailNormalizer emails = new EmailNormalizer();
    private final EventTypeRule eventTypes = new EventTypeRule();
    private final SurveyScoreRule surveys = new SurveyScoreRule();
    private final AmountNormalizer money = new AmountNormalizer();

    public InteractionMapper(SourceConfig source, String runId, Instant ingestedAt) {
        this.source = requireNonNull(source, "source is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
        this.temporal = new TemporalNormalizer(source.timezone());
    }

    public Interaction map(SourceRow row, String location) throws RecordException {
        MappedRecord fields = new MappedRecord(source, row, temporal);
        Interaction event = new Interaction();
        String sourceEventId = fields.required("source_event_id");
        event.setEventId(RecordIds.of(source.name(), sourceEventId));
        event.setSource(source.name());
        event.setSourceEventId(sourceEventId);
        String eventType = eventTypes.eventType(fields.required("event_type"));
        event.setEventType(eventType);
        String category = fields.text("category");
        event.setCategory(category == null ? eventTypes.category(eventType) : eventTypes.checkedCategory(category));
        event.setEventTime(fields.requiredTimestamp("event_time"));

        String customerRef = fields.text("customer_ref");
        String customerSource = fields.text("customer_source");
        event.setCustomerRef(customerRef);
        event.setCustomerSource(customerSource == null ? source.name() : customerSource);
        String rawEmail = fields.text("email");
        Optional<String> email = emails.normalize(rawEmail);
        if (rawEmail != null && email.isEmpty() && customerRef == null) {
            throw new RecordException(
                    ErrorCode.INVALID_EMAIL,
                    "email",
                    "email is not a valid address and the event has no customer_ref, so it links to no customer");
        }
        event.setEmail(email.orElse(null));
        event.setEmailKey(email.map(emails::key).orElse(null));

        event.setTouchpoint(lower(fields.text("touchpoint")));
        event.setChannel(lower(fields.text("channel")));
        event.setCampaignId(fields.text("campaign_id"));
        event.setOrderId(fields.text("order_id"));
        event.setTicketId(fields.text("ticket_id"));
        event.setPriority(lower(fields.text("priority")));
        String amount = fields.text("amount");
        event.setAmount(amount == null ? null : money.amount("amount", amount));
        String currency = fields.text("currency");
        event.setCurrency(currency == null ? null : money.currency("currency", currency));

        String surveyType = fields.text("survey_type");
        String score = fields.text("score");
        if (score != null) {
            if (surveyType == null) {
                throw new RecordException(
                        ErrorCode.MISSING_REQUIRED_FIELD,
                        "survey_type",
                        "survey_type is required with a score: it gives the scale (NPS, CSAT, CES)");
            }
            SurveyScoreRule.SurveyType type = surveys.surveyType(surveyType);
            int value = surveys.score(score);
            surveys.check(type, value);
            event.setSurveyType(type.name());
            event.setScore(value);
        } else if (surveyType != null) {
            event.setSurveyType(surveys.surveyType(surveyType).name());
        }
        event.setComment(fields.text("comment"));
        event.setCommentLanguage(lower(fields.text("comment_language")));
        event.setUrl(fields.text("url"));
        event.setSourceLocation(location);
        event.setIngestedAt(ingestedAt);
        event.setIngestRunId(runId);
        return event;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
