package dev.rapport.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import dev.rapport.schemas.avro.RejectedRecord;
import dev.rapport.schemas.convert.AvroIcebergSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** Every Iceberg table Rapport writes, in one place. */
public final class RapportTables {

    public static final String STAGING = "staging";
    public static final String QUARANTINE = "quarantine";
    public static final String IDENTITY = "identity";
    public static final String METRICS = "metrics";
    public static final String OPS = "ops";

    /**
     * Table properties of the staging tables. They take every ingested record, in bulk, and are read
     * whole by the jobs that follow, so Parquet writes them without dictionary encoding: a first load
     * of 5 million records costs 13-15 % fewer CPU-seconds for 10 % more bytes (zstd still packs the
     * repeated values). BENCHMARKS.md, ingestion.
     */
    public static final Map<String, String> STAGING_PROPERTIES = Map.of("parquet.enable.dictionary", "false");

    public static final TableDefinition CUSTOMER_RECORDS = TableDefinition.of(
                    STAGING,
                    "customer_records",
                    AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("source", "source_id")),
                    spec -> spec.identity("source"),
                    sort -> sort.asc("source_id"),
                    "one row per customer record of a source: (source, source_id)")
            .withProperties(STAGING_PROPERTIES);

    public static final TableDefinition INTERACTIONS = TableDefinition.of(
                    STAGING,
                    "interactions",
                    AvroIcebergSchemas.toIceberg(Interaction.getClassSchema(), List.of("event_id", "event_time")),
                    spec -> spec.month("event_time"),
                    sort -> sort.asc("category").asc("event_time"),
                    "one row per event of a customer's journey: event_id (a hash of source and source_event_id)")
            .withProperties(STAGING_PROPERTIES);

    public static final TableDefinition REJECTED = TableDefinition.of(
            QUARANTINE,
            "rejected",
            AvroIcebergSchemas.toIceberg(RejectedRecord.getClassSchema(), List.of("source", "reject_id")),
            spec -> spec.identity("source"),
            sort -> sort.asc("location"),
            "one row per record that failed parsing, validation or normalization: (source, reject_id)");

    public static final TableDefinition IDENTITY_MAP = TableDefinition.of(
            IDENTITY,
            "identity_map",
            new Schema(
                    List.of(
                            required(1, "source", Types.StringType.get(), "Source of the record."),
                            required(2, "source_id", Types.StringType.get(), "The source's key of the record."),
                            required(3, "record_id", Types.StringType.get(), "staging.customer_records.record_id."),
                            required(4, "customer_id", Types.StringType.get(), "The customer the record belongs to."),
                            required(
                                    5,
                                    "match_rule",
                                    Types.StringType.get(),
                                    "The rule that joined the record to its customer (or 'singleton')."),
                            optional(
                                    6,
                                    "probability",
                                    Types.DoubleType.get(),
                                    "Match probability of that link, 1.0 for deterministic rules."),
                            required(7, "resolved_at", Types.TimestampType.withZone(), "When the resolution ran.")),
                    java.util.Set.of(1, 2)),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per source record: (source, source_id) -> customer_id");

    public static final TableDefinition CUSTOMER_PROFILE = TableDefinition.of(
            IDENTITY,
            "customer_profile",
            new Schema(
                    List.of(
                            required(1, "customer_id", Types.StringType.get(), "Stable customer id."),
                            optional(2, "first_name", Types.StringType.get(), "Golden given name."),
                            optional(3, "last_name", Types.StringType.get(), "Golden family name."),
                            optional(4, "full_name", Types.StringType.get(), "Golden full name."),
                            optional(5, "email", Types.StringType.get(), "Preferred email."),
                            optional(6, "phone", Types.StringType.get(), "Preferred phone, E.164."),
                            optional(
                                    7,
                                    "emails",
                                    Types.ListType.ofRequired(101, Types.StringType.get()),
                                    "Every email seen."),
                            optional(
                                    8,
                                    "phones",
                                    Types.ListType.ofRequired(102, Types.StringType.get()),
                                    "Every phone seen, E.164."),
                            optional(9, "street", Types.StringType.get(), "Golden street."),
                            optional(10, "city", Types.StringType.get(), "Golden city."),
                            optional(11, "postcode", Types.StringType.get(), "Golden postcode."),
                            optional(12, "country", Types.StringType.get(), "Golden country, ISO 3166-1 alpha-2."),
                            optional(13, "birth_date", Types.DateType.get(), "Golden date of birth."),
                            optional(14, "company", Types.StringType.get(), "Golden company."),
                            required(
                                    15,
                                    "sources",
                                    Types.ListType.ofRequired(103, Types.StringType.get()),
                                    "Sources that hold a record of the customer."),
                            required(16, "record_count", Types.IntegerType.get(), "Number of source records."),
                            optional(
                                    17,
                                    "first_seen",
                                    Types.TimestampType.withZone(),
                                    "Earliest created_at of the records."),
                            optional(
                                    18,
                                    "last_updated",
                                    Types.TimestampType.withZone(),
                                    "Latest updated_at of the records."),
                            required(19, "resolved_at", Types.TimestampType.withZone(), "When the resolution ran.")),
                    java.util.Set.of(1)),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per customer: customer_id");

    public static final TableDefinition IDENTITY_HISTORY = TableDefinition.of(
            IDENTITY,
            "identity_history",
            new Schema(List.of(
                    required(1, "event_time", Types.TimestampType.withZone(), "When the resolution ran."),
                    required(2, "event", Types.StringType.get(), "new, merge or split."),
                    required(
                            3,
                            "customer_id",
                            Types.StringType.get(),
                            "The new customer, the surviving customer of a merge, or the customer that"
                                    + " split-off records now belong to."),
                    optional(
                            4,
                            "other_customer_id",
                            Types.StringType.get(),
                            "merge: the customer merged into customer_id; split: the customer the records" + " left."),
                    required(
                            5,
                            "record_count",
                            Types.IntegerType.get(),
                            "Records of the new customer, or records that moved."),
                    required(6, "reason", Types.StringType.get(), "Why, in words."))),
            spec -> spec.month("event_time"),
            sort -> sort.asc("customer_id"),
            "one row per change of customer ids in a run: (event_time, event, customer_id, other_customer_id)");

    public static final TableDefinition MATCH_EVIDENCE = TableDefinition.of(
            IDENTITY,
            "match_evidence",
            new Schema(
                    List.of(
                            required(1, "customer_id", Types.StringType.get(), "The customer both records belong to."),
                            required(2, "record_id", Types.StringType.get(), "One record of the link."),
                            required(3, "other_record_id", Types.StringType.get(), "The other record of the link."),
                            required(
                                    4,
                                    "match_rule",
                                    Types.StringType.get(),
                                    "Deterministic rule (email, phone, source_customer_ref, ...) or probabilistic."),
                            required(
                                    5,
                                    "probability",
                                    Types.DoubleType.get(),
                                    "Match probability, 1.0 for deterministic rules."),
                            required(6, "resolved_at", Types.TimestampType.withZone(), "When the resolution ran."),
                            // Added after the first release: optional and appended, so an existing table evolves.
                            optional(
                                    7,
                                    "field_levels",
                                    Types.MapType.ofRequired(101, 102, Types.StringType.get(), Types.StringType.get()),
                                    "What each compared field showed, field -> level. probabilistic: every field"
                                            + " (given_name, family_name, birth_date, national_id, email, phone,"
                                            + " postcode, city, street) -> exact, a degree of closeness (e.g."
                                            + " close_or_nickname, initial_or_similar, one_digit_typo_or_day_month_swap,"
                                            + " same_year, one_edit_apart, same_local_part, same_last_digits, close),"
                                            + " different, or missing (a side has no value). Deterministic rules: the"
                                            + " shared identifier (email, phone, source_customer_ref) -> exact, and"
                                            + " name -> the name guard's result (exact, close, or missing: a record"
                                            + " has no name)."),
                            optional(
                                    8,
                                    "field_weights",
                                    Types.MapType.ofRequired(103, 104, Types.StringType.get(), Types.DoubleType.get()),
                                    "probabilistic: the Fellegi-Sunter match weight of each field's level,"
                                            + " log2(m/u): positive for evidence of one person, negative against,"
                                            + " 0 for missing. Null for deterministic rules."),
                            optional(
                                    9,
                                    "prior_weight",
                                    Types.DoubleType.get(),
                                    "probabilistic: log2 of the prior odds that two records are one person,"
                                            + " before any field is compared (among all pairs of records, or among"
                                            + " the candidate pairs when that view of the model was the less sure"
                                            + " one and decided the probability; field_weights are of the same"
                                            + " view). Null for deterministic rules."),
                            optional(
                                    10,
                                    "total_weight",
                                    Types.DoubleType.get(),
                                    "probabilistic: prior_weight plus the sum of field_weights, the log2 odds of"
                                            + " the match: probability = 1 / (1 + 2^-total_weight). Null for"
                                            + " deterministic rules.")),
                    java.util.Set.of(2, 3, 4)),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per link that joined two records into one customer: (record_id, other_record_id, match_rule)");

    public static final TableDefinition RESOLUTION_STATE = TableDefinition.of(
            IDENTITY,
            "resolution_state",
            new Schema(List.of(
                    required(1, "record_id", Types.StringType.get(), "staging.customer_records.record_id."),
                    optional(
                            2,
                            "record_ingested_at",
                            Types.TimestampType.withZone(),
                            "The record's ingested_at as the run read it."),
                    optional(
                            3,
                            "block_key",
                            Types.StringType.get(),
                            "A block the record joined; null for a record in no block."),
                    optional(
                            4,
                            "record_fingerprint",
                            Types.StringType.get(),
                            "Digest of the record's content (all but ingested_at); the same digest after a"
                                    + " re-ingestion means unchanged."))),
            spec -> spec,
            sort -> sort.asc("block_key"),
            "what the last resolution saw, for the next incremental run: one row per (record_id, block_key)");

    public static final TableDefinition MATCH_LINKS = TableDefinition.of(
            IDENTITY,
            "match_links",
            new Schema(List.of(
                    required(1, "block_key", Types.StringType.get(), "The block the link was made in."),
                    required(2, "record_id", Types.StringType.get(), "One record of the link."),
                    required(3, "other_record_id", Types.StringType.get(), "The other record of the link."),
                    required(4, "match_rule", Types.StringType.get(), "Deterministic rule that made the link."),
                    required(
                            5,
                            "probability",
                            Types.DoubleType.get(),
                            "Match probability, 1.0 for deterministic rules."),
                    optional(
                            6,
                            "field_levels",
                            Types.BinaryType.get(),
                            "Probabilistic links: the comparison level of each compared field, one byte per field in"
                                    + " the order of match_evidence's fields; null for deterministic links."),
                    optional(
                            7,
                            "field_weights",
                            Types.ListType.ofRequired(8, Types.DoubleType.get()),
                            "Probabilistic links: log2(m/u) of each field's level, in the same order."),
                    optional(
                            9,
                            "prior_weight",
                            Types.DoubleType.get(),
                            "Probabilistic links: log2 of the prior odds; with the field weights it adds up to the"
                                    + " log2 odds of probability."),
                    optional(
                            10,
                            "name_check",
                            Types.StringType.get(),
                            "Deterministic links: how the name guard judged the two names (exact, close, missing)."))),
            spec -> spec,
            sort -> sort.asc("block_key"),
            "every link the block linkers made in the last resolution, with its block, whether or not clustering"
                    + " kept it: (block_key, record_id, other_record_id, match_rule)");

    public static final TableDefinition MATCH_MODEL = TableDefinition.of(
            IDENTITY,
            "match_model",
            new Schema(List.of(
                    required(1, "field", Types.StringType.get(), "Compared field, e.g. GIVEN_NAME."),
                    required(2, "level", Types.IntegerType.get(), "Comparison level, 1 = exact."),
                    required(3, "level_name", Types.StringType.get(), "The level in words."),
                    required(4, "m", Types.DoubleType.get(), "How often true matches show this level."),
                    required(5, "u", Types.DoubleType.get(), "How often random pairs of records show it."),
                    optional(
                            6,
                            "candidate_u",
                            Types.DoubleType.get(),
                            "How often non-matching candidate pairs show it."),
                    required(7, "lambda", Types.DoubleType.get(), "Share of matches among all pairs of records."),
                    optional(
                            8,
                            "candidate_lambda",
                            Types.DoubleType.get(),
                            "Share of matches among the candidate pairs."),
                    required(
                            9,
                            "estimated_at",
                            Types.TimestampType.withZone(),
                            "When the full resolution that estimated the model ran."))),
            spec -> spec,
            sort -> sort.asc("field"),
            "the Fellegi-Sunter model the last estimating resolution used: one row per (field, level)");

    public static final TableDefinition NPS_DAILY = TableDefinition.of(
            METRICS,
            "nps_daily",
            new Schema(List.of(
                    required(1, "day", Types.DateType.get(), "Day of the responses (UTC)."),
                    required(
                            2,
                            "channel",
                            Types.StringType.get(),
                            "Channel of the survey, 'unknown' when the source has none."),
                    required(
                            3,
                            "touchpoint",
                            Types.StringType.get(),
                            "Touchpoint surveyed, 'unknown' when the source has none."),
                    required(4, "responses", Types.LongType.get(), "NPS responses with a score 0-10."),
                    required(5, "promoters", Types.LongType.get(), "Responses scoring 9 or 10."),
                    required(6, "passives", Types.LongType.get(), "Responses scoring 7 or 8."),
                    required(7, "detractors", Types.LongType.get(), "Responses scoring 0 to 6."),
                    required(8, "nps", Types.DoubleType.get(), "100 * (promoters - detractors) / responses."),
                    // Added after the first release: appended, so positional INSERTs fit evolved tables too.
                    required(
                            9,
                            "language",
                            Types.StringType.get(),
                            "Language of the comments (comment_language), 'unknown' when none."),
                    required(
                            10,
                            "nps_ci_low",
                            Types.DoubleType.get(),
                            "Lower bound of the 95% confidence interval of nps (normal approximation)."),
                    required(
                            11,
                            "nps_ci_high",
                            Types.DoubleType.get(),
                            "Upper bound of the 95% confidence interval of nps (normal approximation)."),
                    required(
                            12,
                            "segment",
                            Types.StringType.get(),
                            "RFM segment of the respondent's resolved customer (metrics.customer_rfm.rfm_segment,"
                                    + " as of its as_of day), 'no_purchase' for a resolved customer without an RFM"
                                    + " row, 'unknown' when the response is linked to no customer."))),
            spec -> spec.month("day"),
            sort -> sort.asc("day")
                    .asc("channel")
                    .asc("touchpoint")
                    .asc("language")
                    .asc("segment"),
            "one row per (day, channel, touchpoint, language, segment) with at least one NPS response");

    public static final TableDefinition CSAT_DAILY = TableDefinition.of(
            METRICS,
            "csat_daily",
            new Schema(List.of(
                    required(1, "day", Types.DateType.get(), "Day of the responses (UTC)."),
                    required(2, "channel", Types.StringType.get(), "Channel of the survey, 'unknown' when none."),
                    required(3, "touchpoint", Types.StringType.get(), "Touchpoint surveyed, 'unknown' when none."),
                    required(4, "responses", Types.LongType.get(), "CSAT responses with a score 1-5."),
                    required(5, "satisfied", Types.LongType.get(), "Responses scoring 4 or 5."),
                    required(6, "csat", Types.DoubleType.get(), "100 * satisfied / responses."),
                    required(7, "mean_score", Types.DoubleType.get(), "Mean score, 1 to 5."))),
            spec -> spec.month("day"),
            sort -> sort.asc("day").asc("channel").asc("touchpoint"),
            "one row per (day, channel, touchpoint) with at least one CSAT response");

    public static final TableDefinition CES_DAILY = TableDefinition.of(
            METRICS,
            "ces_daily",
            new Schema(List.of(
                    required(1, "day", Types.DateType.get(), "Day of the responses (UTC)."),
                    required(2, "channel", Types.StringType.get(), "Channel of the survey, 'unknown' when none."),
                    required(3, "touchpoint", Types.StringType.get(), "Touchpoint surveyed, 'unknown' when none."),
                    required(4, "responses", Types.LongType.get(), "CES 2.0 responses with a score 1-7."),
                    required(5, "easy", Types.LongType.get(), "Responses scoring 5 to 7 (agree it was easy)."),
                    required(6, "easy_share", Types.DoubleType.get(), "100 * easy / responses."),
                    required(7, "mean_score", Types.DoubleType.get(), "Mean score, 1 to 7."))),
            spec -> spec.month("day"),
            sort -> sort.asc("day").asc("channel").asc("touchpoint"),
            "one row per (day, channel, touchpoint) with at least one CES response");

    public static final TableDefinition EMAIL_ENGAGEMENT = TableDefinition.of(
            METRICS,
            "email_engagement",
            new Schema(List.of(
                    required(1, "day", Types.DateType.get(), "UTC day of each recipient's first such event."),
                    required(2, "campaign_id", Types.StringType.get(), "Campaign, 'unknown' when none."),
                    required(3, "sent", Types.LongType.get(), "Recipients sent the campaign."),
                    required(4, "delivered", Types.LongType.get(), "Recipients it was delivered to."),
                    required(5, "bounced", Types.LongType.get(), "Recipients whose message bounced."),
                    required(
                            6, "unique_opens", Types.LongType.get(), "Recipients who opened (machine opens excluded)."),
                    required(7, "machine_opens", Types.LongType.get(), "Recipients with a privacy-proxy open."),
                    required(8, "unique_clicks", Types.LongType.get(), "Recipients who clicked."),
                    optional(
                            9,
                            "click_to_open",
                            Types.DoubleType.get(),
                            "unique_clicks / unique_opens; null without opens."),
                    required(10, "unsubscribes", Types.LongType.get(), "Recipients who unsubscribed."),
                    required(11, "spam_reports", Types.LongType.get(), "Recipients who reported spam."))),
            spec -> spec.month("day"),
            sort -> sort.asc("campaign_id").asc("day"),
            "one row per (day, campaign_id); each recipient counted once per campaign and measure, on the day of their first such event");

    public static final TableDefinition SUPPORT_SLA = TableDefinition.of(
            METRICS,
            "support_sla",
            new Schema(List.of(
                    required(1, "source", Types.StringType.get(), "Source of the ticket events."),
                    required(2, "ticket_id", Types.StringType.get(), "The source's ticket id."),
                    required(3, "priority", Types.StringType.get(), "Priority, lower case; 'unknown' when none."),
                    required(4, "opened_at", Types.TimestampType.withZone(), "When the ticket was opened."),
                    optional(5, "first_response_at", Types.TimestampType.withZone(), "First agent reply."),
                    optional(6, "first_resolved_at", Types.TimestampType.withZone(), "First resolution."),
                    optional(7, "resolved_at", Types.TimestampType.withZone(), "Final resolution; null while open."),
                    required(8, "status", Types.StringType.get(), "open or resolved, as of as_of."),
                    optional(9, "first_response_minutes", Types.DoubleType.get(), "opened_at to first_response_at."),
                    optional(10, "resolution_minutes", Types.DoubleType.get(), "opened_at to resolved_at."),
                    required(11, "first_response_target_minutes", Types.LongType.get(), "SLA target of the priority."),
                    required(12, "resolution_target_minutes", Types.LongType.get(), "SLA target of the priority."),
                    required(
                            13,
                            "first_response_breached",
                            Types.BooleanType.get(),
                            "Replied late, or not yet and past the target at as_of."),
                    required(
                            14,
                            "resolution_breached",
                            Types.BooleanType.get(),
                            "Resolved late, or open and past the target at as_of."),
                    required(
                            15,
                            "reopened",
                            Types.BooleanType.get(),
                            "Reopened within the reopen window after the first resolution."),
                    required(
                            16,
                            "first_contact_resolution",
                            Types.BooleanType.get(),
                            "Resolved and not reopened within the window."),
                    required(
                            17,
                            "as_of",
                            Types.TimestampType.withZone(),
                            "Latest event time in the data: the clock of open tickets."))),
            spec -> spec.month("opened_at"),
            sort -> sort.asc("opened_at").asc("ticket_id"),
            "one row per ticket: (source, ticket_id)");

    public static final TableDefinition SUPPORT_SLA_DAILY = TableDefinition.of(
            METRICS,
            "support_sla_daily",
            new Schema(List.of(
                    required(1, "day", Types.DateType.get(), "UTC day."),
                    required(2, "priority", Types.StringType.get(), "Ticket priority."),
                    required(3, "tickets_opened", Types.LongType.get(), "Tickets opened that day."),
                    required(4, "tickets_breached", Types.LongType.get(), "Of those, tickets that breached a target."),
                    required(5, "tickets_resolved", Types.LongType.get(), "Of those, tickets resolved at least once."),
                    required(
                            6,
                            "first_contact_resolutions",
                            Types.LongType.get(),
                            "Of those, resolved and not reopened within the window."),
                    optional(7, "fcr_rate", Types.DoubleType.get(), "first_contact_resolutions / tickets_resolved."),
                    required(
                            8,
                            "backlog",
                            Types.LongType.get(),
                            "Tickets of the priority open at the end of the day."))),
            spec -> spec.month("day"),
            sort -> sort.asc("day").asc("priority"),
            "one row per (day, priority) with tickets opened, open or changed that day");

    public static final TableDefinition CUSTOMER_TIMELINE = TableDefinition.of(
            METRICS,
            "customer_timeline",
            new Schema(List.of(
                    required(1, "customer_id", Types.StringType.get(), "Resolved customer (identity.identity_map)."),
                    required(2, "event_id", Types.StringType.get(), "staging.interactions.event_id."),
                    required(3, "event_time", Types.TimestampType.withZone(), "When it happened, UTC."),
                    required(4, "event_seq", Types.LongType.get(), "1, 2, ... in the customer's event order."),
                    required(5, "category", Types.StringType.get(), "email | commerce | support | survey | web."),
                    required(6, "event_type", Types.StringType.get(), "Event type."),
                    optional(7, "channel", Types.StringType.get(), "Channel."),
                    optional(8, "touchpoint", Types.StringType.get(), "Touchpoint."),
                    optional(9, "campaign_id", Types.StringType.get(), "Email campaign."),
                    optional(10, "order_id", Types.StringType.get(), "Order, invoice or payment reference."),
                    optional(11, "ticket_id", Types.StringType.get(), "Support ticket."),
                    optional(12, "survey_type", Types.StringType.get(), "NPS, CSAT or CES."),
                    optional(13, "score", Types.IntegerType.get(), "Survey score."),
                    optional(14, "amount", Types.DecimalType.of(18, 2), "Amount of money."),
                    optional(15, "currency", Types.StringType.get(), "ISO 4217 currency."),
                    required(16, "source", Types.StringType.get(), "Source the event came from."),
                    required(17, "source_event_id", Types.StringType.get(), "The source's id of the event."),
                    required(
                            18,
                            "source_location",
                            Types.StringType.get(),
                            "File and line (or topic/offset) of the source record."),
                    required(
                            19,
                            "linked_by",
                            Types.StringType.get(),
                            "customer_ref or email: how the event found its customer."),
                    required(
                            20,
                            "linked_record",
                            Types.StringType.get(),
                            "source:source_id of the customer record that linked it."))),
            spec -> spec.month("event_time"),
            sort -> sort.asc("customer_id").asc("event_time"),
            "one row per (customer_id, event_id)");

    // ---- feedback text, NPS drivers and closed-loop alerts (issue #6) ----

    public static final TableDefinition FEEDBACK_SENTIMENT = TableDefinition.of(
            METRICS,
            "feedback_sentiment",
            new Schema(List.of(
                    required(1, "event_id", Types.StringType.get(), "staging.interactions.event_id of the comment."),
                    required(2, "event_time", Types.TimestampType.withZone(), "When it was written, UTC."),
                    required(3, "source", Types.StringType.get(), "Source of the event."),
                    required(4, "category", Types.StringType.get(), "survey or support."),
                    required(5, "event_type", Types.StringType.get(), "survey_response, ticket_opened..."),
                    optional(6, "survey_type", Types.StringType.get(), "NPS, CSAT or CES; null for tickets."),
                    optional(7, "score", Types.IntegerType.get(), "Survey score the customer gave."),
                    optional(
                            8,
                            "nps_category",
                            Types.StringType.get(),
                            "promoter, passive or detractor for an NPS answer; else null."),
                    required(
                            9,
                            "language",
                            Types.StringType.get(),
                            "ISO 639-1 language the comment was analysed in; 'unknown' when none."),
                    required(
                            10,
                            "language_source",
                            Types.StringType.get(),
                            "record (its comment_language), detected (from the text) or unknown."),
                    optional(
                            11,
                            "sentiment_score",
                            Types.DoubleType.get(),
                            "(positive - negative) / (positive + negative) weight, -1 to +1."),
                    optional(12, "sentiment", Types.StringType.get(), "positive, neutral or negative."),
                    optional(13, "positive_weight", Types.IntegerType.get(), "Sum of positive lexicon weights."),
                    optional(14, "negative_weight", Types.IntegerType.get(), "Sum of negative lexicon weights."))),
            spec -> spec.month("event_time"),
            sort -> sort.asc("event_time").asc("event_id"),
            "one row per interaction with a comment: event_id");

    public static final TableDefinition FEEDBACK_TOPICS = TableDefinition.of(
            METRICS,
            "feedback_topics",
            new Schema(List.of(
                    required(1, "month", Types.DateType.get(), "First day of the UTC month of the answers."),
                    required(2, "language", Types.StringType.get(), "ISO 639-1 language of the comments."),
                    required(3, "term", Types.StringType.get(), "Stemmed term (Lucene analyzer of the language)."),
                    required(4, "word", Types.StringType.get(), "A written form of the term, lower case."),
                    required(5, "responses", Types.LongType.get(), "NPS answers whose comment mentions the term."),
                    required(6, "promoters", Types.LongType.get(), "Of those, scoring 9-10."),
                    required(7, "passives", Types.LongType.get(), "Of those, scoring 7-8."),
                    required(8, "detractors", Types.LongType.get(), "Of those, scoring 0-6."),
                    required(9, "nps", Types.DoubleType.get(), "NPS of the answers mentioning the term."),
                    required(
                            10,
                            "language_responses",
                            Types.LongType.get(),
                            "Commented NPS answers of the month and language."),
                    required(11, "language_nps", Types.DoubleType.get(), "Their NPS."),
                    required(12, "nps_impact", Types.DoubleType.get(), "nps - language_nps."),
                    required(13, "detractor_share", Types.DoubleType.get(), "detractors / responses."))),
            spec -> spec.month("month"),
            sort -> sort.asc("month").asc("language").asc("term"),
            "one row per (month, language, term) mentioned in an NPS answer's comment");

    public static final TableDefinition NPS_DRIVERS = TableDefinition.of(
            METRICS,
            "nps_drivers",
            new Schema(List.of(
                    required(
                            1,
                            "driver_type",
                            Types.StringType.get(),
                            "channel, touchpoint, language, topic or experience."),
                    required(
                            2,
                            "driver",
                            Types.StringType.get(),
                            "The channel, touchpoint, language, <language>:<term> or had_ticket, had_breached_ticket,"
                                    + " had_purchase, had_return."),
                    required(3, "responses_with", Types.LongType.get(), "NPS answers with the driver."),
                    required(4, "promoters_with", Types.LongType.get(), "Of those, promoters."),
                    required(5, "detractors_with", Types.LongType.get(), "Of those, detractors."),
                    required(6, "nps_with", Types.DoubleType.get(), "Their NPS."),
                    required(
                            7,
                            "responses_without",
                            Types.LongType.get(),
                            "NPS answers of the same population without it."),
                    required(8, "promoters_without", Types.LongType.get(), "Of those, promoters."),
                    required(9, "detractors_without", Types.LongType.get(), "Of those, detractors."),
                    required(10, "nps_without", Types.DoubleType.get(), "Their NPS."),
                    required(11, "nps_difference", Types.DoubleType.get(), "nps_with - nps_without."),
                    optional(12, "nps_difference_ci_low", Types.DoubleType.get(), "95% interval, normal approx."),
                    optional(13, "nps_difference_ci_high", Types.DoubleType.get(), "95% interval, normal approx."),
                    optional(14, "z", Types.DoubleType.get(), "nps_difference / its standard error."),
                    optional(15, "p_value", Types.DoubleType.get(), "Two-sided p-value of no difference."),
                    required(16, "significant", Types.BooleanType.get(), "p_value below 0.05."),
                    optional(17, "range_start", Types.DateType.get(), "First day of the answers; null for all."),
                    optional(18, "range_end", Types.DateType.get(), "Last day of the answers; null for all."))),
            spec -> spec,
            sort -> sort.asc("driver_type").asc("driver"),
            "one row per (driver_type, driver) over the NPS answers of the last run's range");

    public static final TableDefinition ALERTS = TableDefinition.of(
            "feeds",
            "alerts",
            new Schema(
                    List.of(
                            required(1, "alert_id", Types.StringType.get(), "source:response_id of the response."),
                            required(2, "source", Types.StringType.get(), "Source of the survey response."),
                            required(3, "response_id", Types.StringType.get(), "The source's id of the response."),
                            optional(
                                    4,
                                    "customer_id",
                                    Types.StringType.get(),
                                    "Resolved customer (identity.identity_map); null when unresolved."),
                            optional(5, "customer_source", Types.StringType.get(), "Source of customer_ref."),
                            optional(6, "customer_ref", Types.StringType.get(), "The source's customer key."),
                            required(7, "survey_type", Types.StringType.get(), "NPS."),
                            required(8, "score", Types.IntegerType.get(), "The score, 0 to 6."),
                            optional(9, "comment", Types.StringType.get(), "The customer's comment."),
                            optional(10, "comment_language", Types.StringType.get(), "Its language, as sent."),
                            optional(11, "channel", Types.StringType.get(), "Survey channel."),
                            optional(12, "touchpoint", Types.StringType.get(), "Touchpoint surveyed."),
                            required(13, "responded_at", Types.TimestampType.withZone(), "When the customer answered."),
                            required(
                                    14,
                                    "open_tickets",
                                    Types.ListType.ofRequired(104, Types.StringType.get()),
                                    "The customer's open tickets (source:ticket_id), sorted."),
                            required(15, "open_ticket_count", Types.IntegerType.get(), "Size of open_tickets."),
                            required(
                                    16,
                                    "kafka_location",
                                    Types.StringType.get(),
                                    "topic/partition/offset the response was read from.")),
                    java.util.Set.of(1)),
            spec -> spec,
            sort -> sort.asc("responded_at"),
            "one row per detractor response: alert_id (source:response_id)");

    public static final TableDefinition INGESTION_RUNS = TableDefinition.of(
            STAGING,
            "ingestion_runs",
            new Schema(
                    List.of(
                            required(
                                    1,
                                    "run_id",
                                    Types.StringType.get(),
                                    "The run; ingest_run_id of the rows it wrote."),
                            required(2, "source", Types.StringType.get(), "The configured source."),
                            required(3, "mode", Types.StringType.get(), "batch or stream."),
                            required(4, "started_at", Types.TimestampType.withZone(), "When the run started."),
                            required(5, "ended_at", Types.TimestampType.withZone(), "When the run ended."),
                            required(6, "read", Types.LongType.get(), "Records read, good or bad."),
                            required(7, "stored", Types.LongType.get(), "Records written, one per natural key."),
                            required(
                                    8,
                                    "deduplicated",
                                    Types.LongType.get(),
                                    "Further records of a natural key already seen in the run."),
                            required(9, "quarantined", Types.LongType.get(), "Records sent to quarantine.rejected."),
                            required(
                                    10,
                                    "outcome",
                                    Types.StringType.get(),
                                    "succeeded, or failed (then the counts are those known, usually 0)."),
                            optional(
                                    11,
                                    "suppressed",
                                    Types.LongType.get(),
                                    "Records skipped because their person asked to be forgotten (ops.suppressions);"
                                            + " null in runs before suppression existed.")),
                    java.util.Set.of(1, 2)),
            spec -> spec,
            sort -> sort.asc("started_at"),
            "one row per (run_id, source): what one ingestion run did with one source");

    public static final TableDefinition JOB_RUNS = TableDefinition.of(
            OPS,
            "job_runs",
            new Schema(
                    List.of(
                            required(1, "run_id", Types.StringType.get(), "The run, e.g. resolve-20261123T101500Z."),
                            required(2, "job", Types.StringType.get(), "ingest, resolve or metrics."),
                            required(3, "started_at", Types.TimestampType.withZone(), "When the run started."),
                            required(4, "ended_at", Types.TimestampType.withZone(), "When the run ended."),
                            required(
                                    5,
                                    "inputs",
                                    Types.MapType.ofRequired(6, 7, Types.StringType.get(), Types.LongType.get()),
                                    "Rows read, by source or table."),
                            required(
                                    8,
                                    "outputs",
                                    Types.MapType.ofRequired(9, 10, Types.StringType.get(), Types.LongType.get()),
                                    "Rows written (or counted), by table or measure."),
                            required(11, "outcome", Types.StringType.get(), "succeeded or failed."),
                            optional(12, "error", Types.StringType.get(), "Why a failed run failed.")),
                    java.util.Set.of(1)),
            spec -> spec,
            sort -> sort.asc("started_at"),
            "one row per run of a batch job (ingest, resolve, metrics): run_id");

    public static final TableDefinition INGESTION_CURSORS = TableDefinition.of(
            STAGING,
            "ingestion_cursors",
            new Schema(
                    List.of(
                            required(1, "source", Types.StringType.get(), "The configured JDBC source."),
                            required(2, "run_id", Types.StringType.get(), "The run that read up to this cursor."),
                            required(3, "cursor_column", Types.StringType.get(), "The column the cursor is on."),
                            required(
                                    4,
                                    "cursor_value",
                                    Types.StringType.get(),
                                    "The highest cursor value read, in the database's text form; the next run"
                                            + " reads rows above it."),
                            required(5, "read_at", Types.TimestampType.withZone(), "When the run started.")),
                    java.util.Set.of(1, 2)),
            spec -> spec,
            sort -> sort.asc("read_at"),
            "one row per (source, run_id) of a successful incremental JDBC run; the newest row per source"
                    + " is where the next run starts");

    // ---- customer-level metrics (issue #6) ----

    public static final TableDefinition CUSTOMER_RFM = TableDefinition.of(
            METRICS,
            "customer_rfm",
            new Schema(List.of(
                    required(1, "customer_id", Types.StringType.get(), "Resolved customer (identity.identity_map)."),
                    required(
                            2,
                            "as_of",
                            Types.DateType.get(),
                            "UTC day computed as of: the config's last day, else the day of the latest interaction."),
                    required(3, "last_purchase_at", Types.TimestampType.withZone(), "The latest order up to as_of."),
                    required(
                            4, "recency_days", Types.IntegerType.get(), "as_of minus the UTC day of last_purchase_at."),
                    required(
                            5,
                            "frequency",
                            Types.LongType.get(),
                            "Orders in the lookback window (rfm.lookback_days, default 365, ending with as_of)."),
                    required(
                            6,
                            "monetary",
                            Types.DecimalType.of(18, 2),
                            "Order amounts of the window in the reporting currency (converted by rfm.exchange_rates)."),
                    required(7, "currency", Types.StringType.get(), "The reporting currency (rfm.currency)."),
                    required(
                            8,
                            "orders_other_currency",
                            Types.LongType.get(),
                            "Orders of the window in a currency with no rate (or none): in frequency, not in monetary."),
                    required(9, "r_score", Types.IntegerType.get(), "Recency quintile 1-5, 5 = most recent."),
                    required(10, "f_score", Types.IntegerType.get(), "Frequency quintile 1-5, 5 = most orders."),
                    required(11, "m_score", Types.IntegerType.get(), "Monetary quintile 1-5, 5 = most money."),
                    required(
                            12,
                            "rfm_segment",
                            Types.StringType.get(),
                            "champions, loyal, potential_loyalist, new_customer, promising, needs_attention, at_risk,"
                                    + " cant_lose_them, hibernating or lost (RfmSegmentRule)."))),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per resolved customer with at least one order up to as_of: customer_id");

    public static final TableDefinition CUSTOMER_HEALTH = TableDefinition.of(
            METRICS,
            "customer_health",
            new Schema(List.of(
                    required(1, "customer_id", Types.StringType.get(), "Resolved customer (identity.identity_map)."),
                    required(2, "as_of", Types.DateType.get(), "UTC day computed as of (as customer_rfm)."),
                    required(
                            3,
                            "churn_risk",
                            Types.DoubleType.get(),
                            "0-1: sum of the weighted signals below (ChurnRiskRule, metrics.health weights), capped at 1."),
                    required(
                            4,
                            "risk_band",
                            Types.StringType.get(),
                            "low, medium or high (health.medium_risk, high_risk)."),
                    required(
                            5,
                            "reasons",
                            Types.StringType.get(),
                            "The signals that added to churn_risk in plain words, largest first, separated by '; '."),
                    optional(6, "last_nps", Types.IntegerType.get(), "Latest NPS score up to as_of; null if none."),
                    optional(7, "last_nps_at", Types.TimestampType.withZone(), "When it was given."),
                    required(
                            8,
                            "open_tickets",
                            Types.IntegerType.get(),
                            "Support tickets open now (metrics.support_sla)."),
                    required(
                            9,
                            "breached_tickets",
                            Types.IntegerType.get(),
                            "Of those, past a first-response or resolution target."),
                    required(
                            10,
                            "recent_orders",
                            Types.IntegerType.get(),
                            "Orders in the health.window_days ending with as_of."),
                    required(
                            11,
                            "previous_orders",
                            Types.IntegerType.get(),
                            "Orders in the same number of days before."),
                    optional(
                            12,
                            "days_since_email_engagement",
                            Types.IntegerType.get(),
                            "as_of minus the day of the latest email open or click; null if none."))),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per resolved customer: customer_id");

    public static final TableDefinition TICKET_PRIORITY = TableDefinition.of(
            METRICS,
            "ticket_priority",
            new Schema(List.of(
                    required(1, "ticket_id", Types.StringType.get(), "The source's ticket id."),
                    required(2, "source", Types.StringType.get(), "Source of the ticket events."),
                    optional(3, "customer_id", Types.StringType.get(), "Resolved customer; null when none."),
                    required(4, "priority", Types.StringType.get(), "Ticket priority, as in metrics.support_sla."),
                    required(5, "opened_at", Types.TimestampType.withZone(), "When the ticket was opened."),
                    required(
                            6,
                            "sla_due_at",
                            Types.TimestampType.withZone(),
                            "opened_at + the resolution target of the SLA policy."),
                    required(
                            7,
                            "priority_score",
                            Types.DoubleType.get(),
                            "Additive score (TicketPriorityRule): SLA, churn risk, customer value, detractor, repeat"
                                    + " contact."),
                    required(
                            8,
                            "priority_rank",
                            Types.IntegerType.get(),
                            "1 = work first: by score, then opened_at, source, ticket_id."),
                    required(
                            9,
                            "reasons",
                            Types.StringType.get(),
                            "What raised the score in plain words, largest first, separated by '; '."))),
            spec -> spec,
            sort -> sort.asc("priority_rank"),
            "one row per open support ticket: (source, ticket_id)");

    public static final TableDefinition JOURNEY_STAGES = TableDefinition.of(
            METRICS,
            "journey_stages",
            new Schema(List.of(
                    required(1, "customer_id", Types.StringType.get(), "Resolved customer (identity.identity_map)."),
                    required(
                            2,
                            "stage",
                            Types.StringType.get(),
                            "first_seen, lead, email_engaged, first_purchase, repeat_purchase, support_contact,"
                                    + " detractor, promoter or churned (defined in journey_stages.sql)."),
                    required(
                            3,
                            "reached_at",
                            Types.TimestampType.withZone(),
                            "When the customer first reached the stage, UTC."),
                    required(
                            4,
                            "channel",
                            Types.StringType.get(),
                            "Channel of the event that reached the stage; 'unknown' when none."),
                    required(
                            5,
                            "cohort_month",
                            Types.DateType.get(),
                            "First day of the UTC month of the customer's first_seen."),
                    required(
                            6,
                            "acquisition_channel",
                            Types.StringType.get(),
                            "Channel of the customer's first_seen event; 'unknown' when none."),
                    optional(
                            7,
                            "event_id",
                            Types.StringType.get(),
                            "The event that reached the stage; null for a CRM lead record and for churned."))),
            spec -> spec,
            sort -> sort.asc("customer_id").asc("stage"),
            "one row per (customer_id, stage) the customer reached, as of the run's as-of day");

    public static final TableDefinition STAGE_TRANSITIONS = TableDefinition.of(
            METRICS,
            "stage_transitions",
            new Schema(List.of(
                    required(
                            1,
                            "cohort_month",
                            Types.DateType.get(),
                            "First day of the UTC month of the customers' first_seen."),
                    required(
                            2,
                            "acquisition_channel",
                            Types.StringType.get(),
                            "Channel of the customers' first_seen event."),
                    required(3, "from_stage", Types.StringType.get(), "Stage the customers reached first."),
                    required(4, "to_stage", Types.StringType.get(), "Stage they may go on to."),
                    required(
                            5,
                            "window_days",
                            Types.IntegerType.get(),
                            "Days after from_stage within which to_stage counts as converted."),
                    required(6, "customers", Types.LongType.get(), "Customers of the cohort who reached from_stage."),
                    required(
                            7,
                            "converted",
                            Types.LongType.get(),
                            "Of those, customers who reached to_stage within window_days after from_stage."),
                    required(8, "conversion_rate", Types.DoubleType.get(), "converted / customers."),
                    optional(
                            9,
                            "median_hours",
                            Types.DoubleType.get(),
                            "Median hours from from_stage to to_stage among the converted (nearest rank);"
                                    + " null when none."),
                    optional(10, "p25_hours", Types.DoubleType.get(), "25th percentile of those hours (nearest rank)."),
                    optional(11, "p75_hours", Types.DoubleType.get(), "75th percentile of those hours (nearest rank)."),
                    optional(
                            12,
                            "p90_hours",
                            Types.DoubleType.get(),
                            "90th percentile of those hours (nearest rank)."))),
            spec -> spec,
            sort -> sort.asc("cohort_month")
                    .asc("acquisition_channel")
                    .asc("from_stage")
                    .asc("to_stage"),
            "one row per (cohort_month, acquisition_channel, from_stage, to_stage) with customers who reached"
                    + " from_stage");

    public static final TableDefinition SUPPRESSIONS = TableDefinition.of(
            OPS,
            "suppressions",
            new Schema(
                    List.of(
                            required(
                                    1,
                                    "suppression_hash",
                                    Types.StringType.get(),
                                    "Hex SHA-256 of the salt (RAPPORT_SUPPRESSION_SALT), the kind and the value;"
                                            + " never the value itself."),
                            required(
                                    2,
                                    "kind",
                                    Types.StringType.get(),
                                    "What was hashed: email_key (an email match key), record_id (a source record)"
                                            + " or customer_id."),
                            required(
                                    3,
                                    "suppressed_at",
                                    Types.TimestampType.withZone(),
                                    "When 'rapport forget' removed the person."),
                            required(
                                    4,
                                    "request_id",
                                    Types.StringType.get(),
                                    "The forget run that wrote the row, e.g. forget-20261202T061500Z.")),
                    java.util.Set.of(1)),
            spec -> spec,
            sort -> sort.asc("suppressed_at"),
            "one row per suppressed hash (suppression_hash): people who asked to be forgotten, so that"
                    + " ingestion skips them");

    public static final TableDefinition CUSTOMER_CONSENT = TableDefinition.of(
            METRICS,
            "customer_consent",
            new Schema(
                    List.of(
                            required(
                                    1,
                                    "customer_id",
                                    Types.StringType.get(),
                                    "Resolved customer (metrics.customer_timeline)."),
                            required(2, "channel", Types.StringType.get(), "email, sms or phone."),
                            required(
                                    3,
                                    "consent",
                                    Types.StringType.get(),
                                    "granted, withdrawn or unknown (no event of the customer decides it)."),
                            optional(
                                    4,
                                    "since",
                                    Types.TimestampType.withZone(),
                                    "When the deciding event happened; null when unknown."),
                            optional(
                                    5,
                                    "evidence",
                                    Types.StringType.get(),
                                    "The deciding event: source:event_type:source_event_id; null when unknown.")),
                    java.util.Set.of(1, 2)),
            spec -> spec,
            sort -> sort.asc("customer_id").asc("channel"),
            "one row per (customer_id, channel) of every customer on a timeline: whether they may be"
                    + " contacted there, decided by their latest consent event");

    public static final TableDefinition PERSONALIZATION = TableDefinition.of(
            "feeds",
            "personalization",
            new Schema(
                    List.of(
                            required(1, "customer_id", Types.StringType.get(), "Stable customer id."),
                            required(2, "as_of", Types.DateType.get(), "The day the row describes (UTC)."),
                            optional(3, "email", Types.StringType.get(), "Golden e-mail address (personal data)."),
                            optional(4, "phone", Types.StringType.get(), "Golden phone, E.164 (personal data)."),
                            optional(
                                    5,
                                    "rfm_segment",
                                    Types.StringType.get(),
                                    "RFM segment (metrics.customer_rfm); null when the customer never purchased."),
                            optional(
                                    6,
                                    "churn_risk",
                                    Types.DoubleType.get(),
                                    "Churn risk 0..1 (metrics.customer_health)."),
                            optional(7, "risk_band", Types.StringType.get(), "low, medium or high."),
                            optional(8, "health_reasons", Types.StringType.get(), "The health reasons in words."),
                            required(9, "open_tickets", Types.IntegerType.get(), "Support tickets still open."),
                            optional(10, "last_nps", Types.IntegerType.get(), "Latest NPS answer, 0-10."),
                            optional(11, "last_nps_at", Types.TimestampType.withZone(), "When it was given."),
                            optional(
                                    12,
                                    "preferred_channel",
                                    Types.StringType.get(),
                                    "email, sms or phone: the channel of the latest interaction on one of them."),
                            required(
                                    13,
                                    "consent_email",
                                    Types.StringType.get(),
                                    "granted, withdrawn or unknown (metrics.customer_consent)."),
                            required(14, "consent_sms", Types.StringType.get(), "granted, withdrawn or unknown."),
                            required(15, "consent_phone", Types.StringType.get(), "granted, withdrawn or unknown."),
                            required(
                                    16,
                                    "segments",
                                    Types.ListType.ofRequired(105, Types.StringType.get()),
                                    "rfm_<segment>, churn_risk_<band>, nps_<category> (an answer at most 180 days old)."),
                            required(
                                    17,
                                    "next_best_action",
                                    Types.StringType.get(),
                                    "follow_up_detractor, win_back, ask_for_review, upsell, nurture or none."),
                            optional(
                                    18,
                                    "action_channel",
                                    Types.StringType.get(),
                                    "Channel of the action, allowed by consent; null when the action is none."),
                            required(19, "action_reason", Types.StringType.get(), "Why, in words.")),
                    java.util.Set.of(1)),
            spec -> spec,
            sort -> sort.asc("customer_id"),
            "one row per resolved customer: customer_id, on the feed's as-of day");

    public static final TableDefinition SURVEY_INVITATIONS = TableDefinition.of(
            "feeds",
            "survey_invitations",
            new Schema(
                    List.of(
                            required(1, "customer_id", Types.StringType.get(), "Customer to ask."),
                            required(2, "as_of", Types.DateType.get(), "Day of the invitation (UTC)."),
                            required(3, "survey_type", Types.StringType.get(), "CES, CSAT or NPS."),
                            required(4, "channel", Types.StringType.get(), "email, sms or web."),
                            required(
                                    5,
                                    "trigger",
                                    Types.StringType.get(),
                                    "ticket_resolved (CES), purchase (CSAT) or relationship (NPS)."),
                            optional(6, "trigger_ref", Types.StringType.get(), "The ticket or order id."),
                            required(
                                    7,
                                    "trigger_at",
                                    Types.TimestampType.withZone(),
                                    "When the ticket was resolved, the order placed, or (NPS) the customer last seen.")),
                    java.util.Set.of(1, 2)),
            spec -> spec.identity("as_of"),
            sort -> sort.asc("customer_id"),
            "one row per (customer_id, as_of): at most one invitation per customer per day");

    private static final List<TableDefinition> ALL = List.of(
            CUSTOMER_RECORDS,
            INTERACTIONS,
            REJECTED,
            IDENTITY_MAP,
            CUSTOMER_PROFILE,
            IDENTITY_HISTORY,
            MATCH_EVIDENCE,
            RESOLUTION_STATE,
            MATCH_LINKS,
            MATCH_MODEL,
            NPS_DAILY,
            CSAT_DAILY,
            CES_DAILY,
            EMAIL_ENGAGEMENT,
            SUPPORT_SLA,
            SUPPORT_SLA_DAILY,
            CUSTOMER_TIMELINE,
            INGESTION_RUNS,
            JOB_RUNS,
            FEEDBACK_SENTIMENT,
            FEEDBACK_TOPICS,
            NPS_DRIVERS,
            ALERTS,
            INGESTION_CURSORS,
            CUSTOMER_RFM,
            CUSTOMER_HEALTH,
            TICKET_PRIORITY,
            JOURNEY_STAGES,
            STAGE_TRANSITIONS,
            SUPPRESSIONS,
            CUSTOMER_CONSENT,
            PERSONALIZATION,
            SURVEY_INVITATIONS);

    private RapportTables() {}

    public static List<TableDefinition> all() {
        return ALL;
    }

    public static Optional<TableDefinition> find(String qualifiedName) {
        return ALL.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
