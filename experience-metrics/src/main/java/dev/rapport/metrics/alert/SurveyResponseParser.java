package dev.rapport.metrics.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads one Kafka message of the survey-responses topic: a JSON object
 *
 * <pre>{@code
 * {"source": "surveys", "response_id": "R-1001", "survey_type": "NPS", "score": 3,
 *  "customer_source": "crm", "customer_ref": "C-17", "comment": "...", "comment_language": "en",
 *  "channel": "email", "touchpoint": "delivery", "responded_at": "2024-03-01T10:15:00Z"}
 * }</pre>
 *
 * {@code source}, {@code response_id}, {@code survey_type}, {@code score} (an integer) and
 * {@code responded_at} (ISO-8601 instant) are required; the rest is optional ({@code
 * customer_source} defaults to {@code source}). A message that breaks these rules comes back with
 * {@link SurveyResponse#error} naming the field and reason, never as an exception, so one bad
 * message cannot stop the loop.
 */
public final class SurveyResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SurveyResponseParser() {}

    public static SurveyResponse parse(String text, String location) {
        SurveyResponse response = new SurveyResponse();
        response.location = location;
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.error = "not JSON: " + e.getOriginalMessage();
            return response;
        }
        if (root == null || !root.isObject()) {
            response.error = "not a JSON object";
            return response;
        }
        try {
            response.source = required(root, "source");
            response.responseId = required(root, "response_id");
            response.surveyType = required(root, "survey_type");
            JsonNode score = root.get("score");
            if (score == null || !score.canConvertToInt() || !score.isIntegralNumber()) {
                throw new IllegalArgumentException("score: must be an integer, got " + score);
            }
            response.score = score.intValue();
            String at = required(root, "responded_at");
            try {
                response.respondedAtMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(at));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("responded_at: '" + at + "' is not an ISO-8601 instant");
            }
            response.customerRef = optional(root, "customer_ref");
            response.customerSource = optional(root, "customer_source");
            if (response.customerSource == null) {
                response.customerSource = response.source;
            }
            response.comment = optional(root, "comment");
            response.commentLanguage = optional(root, "comment_language");
            response.channel = optional(root, "channel");
            response.touchpoint = optional(root, "touchpoint");
        } catch (IllegalArgumentException e) {
            response.error = e.getMessage();
        }
        return response;
    }

    private static String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value;
    }

    private static String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(field + ": must be text, not " + node.getNodeType());
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }
}
