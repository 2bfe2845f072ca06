package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The Flink SQL that exports {@code feeds.personalization} to one {@link FeedDestination}: a
 * temporary sink table (filesystem connector with the json or parquet format, or the kafka
 * connector with json values keyed by the customer key) and the insert into it. A destination
 * without personal data gets {@code customer_key}, {@code email_sha256} and {@code phone_sha256}
 * (salted SHA-256, see {@link SaltedHash}) instead of the customer id, e-mail and phone.
 */
public final class FeedExports {

    private static final String TRAITS = "as_of, rfm_segment, churn_risk, risk_band, health_reasons, open_tickets,"
            + " last_nps, last_nps_at, preferred_channel, consent_email, consent_sms, consent_phone, segments,"
            + " next_best_action, action_channel, action_reason";

    private static final String TRAIT_COLUMNS = "as_of DATE, rfm_segment STRING, churn_risk DOUBLE,"
            + " risk_band STRING, health_reasons STRING, open_tickets INT, last_nps INT,"
            + " last_nps_at TIMESTAMP_LTZ(6), preferred_channel STRING, consent_email STRING, consent_sms STRING,"
            + " consent_phone STRING, segments ARRAY<STRING>, next_best_action STRING, action_channel STRING,"
            + " action_reason STRING";

    private FeedExports() {}

    /** The sink table's name for a destination. */
    public static String sinkTable(FeedDestination destination) {
        return "default_catalog.default_database.feed_" + destination.name().replace('-', '_');
    }

    /** {@code CREATE TEMPORARY TABLE} of the destination's sink. */
    public static String createSink(FeedDestination destination) {
        requireNonNull(destination, "destination is null");
        String identity = destination.pii()
                ? "customer_id STRING, email STRING, phone STRING, "
                : "customer_key STRING, email_sha256 STRING, phone_sha256 STRING, ";
        String options =
                switch (destination.format()) {
                    case JSONL ->
                        "'connector' = 'filesystem', 'path' = " + quoted(destination.path())
                                + ", 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601'";
                    case PARQUET ->
                        "'connector' = 'filesystem', 'path' = " + quoted(destination.path()) + ", 'format' = 'parquet'";
                    case KAFKA ->
                        "'connector' = 'kafka', 'topic' = " + quoted(destination.topic())
                                + ", 'properties.bootstrap.servers' = " + quoted(destination.bootstrapServers())
                                + ", 'key.format' = 'raw', 'key.fields' = '"
                                + (destination.pii() ? "customer_id" : "customer_key")
                                + "', 'value.format' = 'json', 'value.json.timestamp-format.standard' = 'ISO-8601',"
                                + " 'value.fields-include' = 'ALL'";
                };
        return "CREATE TEMPORARY TABLE " + sinkTable(destination) + " (" + identity + TRAIT_COLUMNS + ") WITH ("
                + options + ")";
    }

    /** The insert: {@code INSERT OVERWRITE} for files (a rerun replaces them), appends for Kafka. */
    public static String insert(FeedDestination destination) {
        String identity = destination.pii()
                ? "customer_id, email, phone, "
                : "rapport_salted_hash(customer_id), rapport_salted_hash(email), rapport_salted_hash(phone), ";
        String verb = destination.format() == FeedDestination.Format.KAFKA ? "INSERT INTO " : "INSERT OVERWRITE ";
        return verb + sinkTable(destination) + " SELECT " + identity + TRAITS + " FROM feeds.personalization";
    }

    public static List<String> statements(FeedDestination destination) {
        return List.of(createSink(destination), insert(destination));
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
