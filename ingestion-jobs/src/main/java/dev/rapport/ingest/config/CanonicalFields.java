package dev.rapport.ingest.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the Avro contracts that a mapping may fill, by kind of source, with their types.
 * Derived fields (ids, keys, E.164, locations, run metadata) are computed and cannot be mapped.
 */
public final class CanonicalFields {

    private static final Map<String, FieldType> CUSTOMER = fields(
            "source_id", FieldType.TEXT,
            "first_name", FieldType.TEXT,
            "last_name", FieldType.TEXT,
            "full_name", FieldType.TEXT,
            "email", FieldType.TEXT,
            "phone", FieldType.TEXT,
            "street", FieldType.TEXT,
            "address_line2", FieldType.TEXT,
            "city", FieldType.TEXT,
            "postcode", FieldType.TEXT,
            "region", FieldType.TEXT,
            "country", FieldType.TEXT,
            "birth_date", FieldType.DATE,
            "national_id", FieldType.TEXT,
            "company", FieldType.TEXT,
            "source_customer_ref", FieldType.TEXT,
            "created_at", FieldType.TIMESTAMP,
            "updated_at", FieldType.TIMESTAMP,
            "email_opt_out", FieldType.BOOLEAN,
            "sms_opt_out", FieldType.BOOLEAN,
            "phone_opt_out", FieldType.BOOLEAN);

    private static final Map<String, FieldType> INTERACTION = fields(
            "source_event_id", FieldType.TEXT,
            "category", FieldType.TEXT,
            "event_type", FieldType.TEXT,
            "event_time", FieldType.TIMESTAMP,
            "customer_source", FieldType.TEXT,
            "customer_ref", FieldType.TEXT,
            "email", FieldType.TEXT,
            "touchpoint", FieldType.TEXT,
            "channel", FieldType.TEXT,
            "campaign_id", FieldType.TEXT,
            "order_id", FieldType.TEXT,
            "ticket_id", FieldType.TEXT,
            "priority", FieldType.TEXT,
            "amount", FieldType.DECIMAL,
            "currency", FieldType.TEXT,
            "survey_type", FieldType.TEXT,
            "score", FieldType.INTEGER,
            "comment", FieldType.TEXT,
            "comment_language", FieldType.TEXT,
            "url", FieldType.TEXT);

    private CanonicalFields() {}

    public static Map<String, FieldType> of(SourceKind kind) {
        return switch (kind) {
            case CUSTOMER -> CUSTOMER;
            case INTERACTION -> INTERACTION;
        };
    }

    public static List<String> required(SourceKind kind) {
        return switch (kind) {
            case CUSTOMER -> List.of("source_id");
            case INTERACTION -> List.of("source_event_id", "event_type", "event_time");
        };
    }

    private static Map<String, FieldType> fields(Object... namesAndTypes) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.put((String) namesAndTypes[i], (FieldType) namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(fields);
    }
}
