package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.ingest.cdc.ChangeEvent;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFormat;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.map.CsvRow;
import dev.rapport.ingest.map.CustomerMapper;
import dev.rapport.ingest.map.InteractionMapper;
import dev.rapport.ingest.map.JsonRow;
import dev.rapport.ingest.map.SourceRow;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.ingest.suppress.Suppressions;
import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import dev.rapport.schemas.avro.RejectedRecord;
import dev.rapport.schemas.convert.AvroRowDataConverter;
import dev.rapport.schemas.table.RapportTables;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses, maps, validates and normalizes one source's raw records. Good records go on as (natural
 * key, file order, row) for deduplication; every failure goes to the reject side output as a
 * {@code quarantine.rejected} row, counted, never dropped. Records of people who asked to be
 * forgotten ({@link Suppressions}) are counted as suppressed and go nowhere.
 */
public final class MapRecordFunction extends ProcessFunction<RawRecord, Tuple3<String, String, RowData>> {

    private static final long serialVersionUID = 1L;

    private final SourceConfig source;
    private final String runId;
    private final Instant ingestedAt;
    private final OutputTag<RowData> rejects;
    private final AvroRowDataConverter recordConverter;
    private final AvroRowDataConverter rejectConverter;
    private final Suppressions suppressions;

    private transient CustomerMapper customers;
    private transient InteractionMapper interactions;
    private transient ObjectMapper json;
    private transient org.apache.commons.csv.CSVFormat csv;
    private transient SourceCounter read;
    private transient SourceCounter quarantined;
    private transient SourceCounter suppressed;

    public MapRecordFunction(SourceConfig source, String runId, Instant ingestedAt, OutputTag<RowData> rejects) {
        this(source, runId, ingestedAt, rejects, Suppressions.none());
    }

    /** @param suppressions people who asked to be forgotten: their records are counted and skipped */
    public MapRecordFunction(
            SourceConfig source,
            String runId,
            Instant ingestedAt,
            OutputTag<RowData> rejects,
            Suppressions suppressions) {
        this.suppressions = requireNonNull(suppressions, "suppressions is null");
        this.source = requireNonNull(source, "source is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
        this.rejects = requireNonNull(rejects, "rejects is null");
        this.recordConverter = source.kind() == SourceKind.CUSTOMER
                ? new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema())
                : new AvroRowDataConverter(Interaction.getClassSchema(), RapportTables.INTERACTIONS.schema());
        this.rejectConverter =
                new AvroRowDataConverter(RejectedRecord.getClassSchema(), RapportTables.REJECTED.schema());
    }

    @Override
    public void open(OpenContext openContext) {
        customers = new CustomerMapper(source, runId, ingestedAt);
        interactions = new InteractionMapper(source, runId, ingestedAt);
        json = new ObjectMapper();
        read = SourceCounter.register(getRuntimeContext(), source.name(), IngestionCounters.READ);
        quarantined = SourceCounter.register(getRuntimeContext(), source.name(), IngestionCounters.QUARANTINED);
        suppressed = SourceCounter.register(getRuntimeContext(), source.name(), IngestionCounters.SUPPRESSED);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Tuple3<String, String, RowData>> out) {
        read.increment();
        try {
            if (source.format() == SourceFormat.KAFKA_DEBEZIUM) {
                change(raw, out);
                return;
            }
            SourceRow row = row(raw);
            if (source.kind() == SourceKind.CUSTOMER) {
                CustomerRecord record = customers.map(row, raw.location);
                if (suppressions.suppresses(record)) {
                    suppressed.increment();
                    return;
                }
                out.collect(Tuple3.of(record.getSourceId(), raw.orderKey(), recordConverter.toRowData(record)));
            } else {
                Interaction event = interactions.map(row, raw.location);
                if (suppressions.suppresses(event)) {
                    suppressed.increment();
                    return;
                }
                out.collect(Tuple3.of(event.getSourceEventId(), raw.orderKey(), recordConverter.toRowData(event)));
            }
        } catch (RecordException rejected) {
            RejectedRecord reject = reject(raw, rejected);
            if (suppressions.suppressesPayload(reject.getRawPayload())) {
                suppressed.increment();
                return;
            }
            quarantined.increment();
            ctx.output(rejects, rejectConverter.toRowData(reject));
        }
    }

    /**
     * A change event: the row image is mapped like any JSON record; a delete keeps its row with
     * {@code deleted_at} set, and the order key starts with the change's log position so that of
     * two changes of one row the later in the database wins, whatever order they arrive in.
     */
    private void change(RawRecord raw, Collector<Tuple3<String, String, RowData>> out) throws RecordException {
        ChangeEvent change = ChangeEvent.parse(json(raw));
        JsonRow row = new JsonRow(change.row());
        String order = change.sequence() + '\u0000' + raw.orderKey();
        Instant deletedAt = change.isDelete() ? change.changedAt() : null;
        if (source.kind() == SourceKind.CUSTOMER) {
            CustomerRecord record = customers.map(row, raw.location);
            record.setDeletedAt(deletedAt);
            if (suppressions.suppresses(record)) {
                suppressed.increment();
                return;
            }
            out.collect(Tuple3.of(record.getSourceId(), order, recordConverter.toRowData(record)));
        } else {
            Interaction event = interactions.map(row, raw.location);
            event.setDeletedAt(deletedAt);
            if (suppressions.suppresses(event)) {
                suppressed.increment();
                return;
            }
            out.collect(Tuple3.of(event.getSourceEventId(), order, recordConverter.toRowData(event)));
        }
    }

    private SourceRow row(RawRecord raw) throws RecordException {
        if (raw.error != null) {
            throw new RecordException(
                    raw.errorCode == null ? ErrorCode.MALFORMED_CSV : ErrorCode.valueOf(raw.errorCode),
                    null,
                    raw.error);
        }
        if (source.format() == SourceFormat.CSV) {
            return new CsvRow(raw.columns, raw.values);
        }
        return new JsonRow(json(raw));
    }

    private JsonNode json(RawRecord raw) throws RecordException {
        try {
            JsonNode node = json.readTree(raw.payload);
            if (node == null || !node.isObject()) {
                throw new RecordException(ErrorCode.MALFORMED_JSON, null, "the record is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; the payload column already has it, so say only where.
            throw new RecordException(
                    ErrorCode.MALFORMED_JSON,
                    null,
                    "the record is not valid JSON (error at column "
                            + e.getLocation().getColumnNr() + ")");
        }
    }

    /** The raw text of a record; a CSV row is rendered from its values only now, when it is rejected. */
    private String payload(RawRecord raw) {
        if (raw.payload != null) {
            return raw.payload;
        }
        if (raw.values != null) {
            if (csv == null) {
                csv = source.csvSettings().format();
            }
            return csv.format((Object[]) raw.values);
        }
        return "";
    }

    private RejectedRecord reject(RawRecord raw, RecordException e) {
        RejectedRecord reject = new RejectedRecord();
        reject.setRejectId(RecordIds.of(source.name(), raw.location));
        reject.setSource(source.name());
        reject.setLocation(raw.location);
        reject.setRawPayload(payload(raw));
        reject.setErrorCode(e.code().name());
        reject.setMessage(e.getMessage());
        reject.setField(e.field());
        reject.setRejectedAt(ingestedAt);
        reject.setIngestRunId(runId);
        return reject;
    }
}
