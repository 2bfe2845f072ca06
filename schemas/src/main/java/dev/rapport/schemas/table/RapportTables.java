package dev.rapport.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import dev.rapport.schemas.avro.RejectedRecord;
import dev.rapport.schemas.convert.AvroIcebergSchemas;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** Every Iceberg table Rapport writes, in one place. */
public final class RapportTables {

    public static final String STAGING = "staging";
    public static final String QUARANTINE = "quarantine";
    public static final String IDENTITY = "identity";
    public static final String METRICS = "metrics";

    public static final TableDefinition CUSTOMER_RECORDS = TableDefinition.of(
            STAGING,
            "customer_records",
            AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("source", "source_id")),
            spec -> spec.identity("source"),
            sort -> sort.asc("source_id"),
            "one row per customer record of a source: (source, source_id)");

    public static final TableDefinition INTERACTIONS = TableDefinition.of(
            STAGING,
            "interactions",
            AvroIcebergSchemas.toIceberg(Interaction.getClassSchema(), List.of("event_id", "event_time")),
            spec -> spec.month("event_time"),
            sort -> sort.asc("category").asc("event_time"),
            "one row per event of a customer's journey: event_id (a hash of source and source_event_id)");

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
                    required(8, "nps", Types.DoubleType.get(), "100 * (promoters - detractors) / responses."))),
            spec -> spec.month("day"),
            sort -> sort.asc("day").asc("channel").asc("touchpoint"),
            "one row per (day, channel, touchpoint) with at least one NPS response");

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
                                    "succeeded, or failed (then the counts are those known, usually 0).")),
                    java.util.Set.of(1, 2)),
            spec -> spec,
            sort -> sort.asc("started_at"),
            "one row per (run_id, source): what one ingestion run did with one source");

    private static final List<TableDefinition> ALL = List.of(
            CUSTOMER_RECORDS, INTERACTIONS, REJECTED, IDENTITY_MAP, CUSTOMER_PROFILE, NPS_DAILY, INGESTION_RUNS);

    private RapportTables() {}

    public static List<TableDefinition> all() {
        return ALL;
    }

    public static Optional<TableDefinition> find(String qualifiedName) {
        return ALL.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
