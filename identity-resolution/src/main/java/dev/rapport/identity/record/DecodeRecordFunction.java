package dev.rapport.identity.record;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * Decodes {@code staging.customer_records} rows and counts them, leaving out the records their
 * source deleted ({@code deleted_at} set): a deleted record joins no customer, lends no value to a
 * golden profile and links no one, exactly as if it had never been ingested, and an incremental
 * run sees it go like any removed record. Ingestion keeps the row (and its deletion) in staging.
 */
public final class DecodeRecordFunction extends RichFlatMapFunction<RowData, ResolutionRecord> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: source records resolved (read and not deleted). */
    public static final String RECORDS = "identity.records";
    /** Accumulator: source records left out because their source deleted them. */
    public static final String DELETED_RECORDS = "identity.records-deleted";

    private final CustomerRecordDecoder decoder;

    private transient LongCounter records;
    private transient LongCounter deleted;

    public DecodeRecordFunction(CustomerRecordDecoder decoder) {
        this.decoder = requireNonNull(decoder, "decoder is null");
    }

    @Override
    public void open(OpenContext openContext) {
        records = new LongCounter();
        deleted = new LongCounter();
        getRuntimeContext().addAccumulator(RECORDS, records);
        getRuntimeContext().addAccumulator(DELETED_RECORDS, deleted);
    }

    @Override
    public void flatMap(RowData row, Collector<ResolutionRecord> out) {
        if (decoder.deleted(row)) {
            deleted.add(1L);
            return;
        }
        records.add(1L);
        out.collect(decoder.decode(row));
    }
}
