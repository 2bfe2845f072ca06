package dev.rapport.identity.record;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.table.data.RowData;

/** Decodes {@code staging.customer_records} rows and counts them. */
public final class DecodeRecordFunction extends RichMapFunction<RowData, ResolutionRecord> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: source records read. */
    public static final String RECORDS = "identity.records";

    private final CustomerRecordDecoder decoder;

    private transient LongCounter records;

    public DecodeRecordFunction(CustomerRecordDecoder decoder) {
        this.decoder = requireNonNull(decoder, "decoder is null");
    }

    @Override
    public void open(OpenContext openContext) {
        records = new LongCounter();
        getRuntimeContext().addAccumulator(RECORDS, records);
    }

    @Override
    public ResolutionRecord map(RowData row) {
        records.add(1L);
        return decoder.decode(row);
    }
}
