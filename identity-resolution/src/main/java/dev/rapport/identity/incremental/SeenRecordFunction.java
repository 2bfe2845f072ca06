package dev.rapport.identity.incremental;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.record.ResolutionRecord;
import java.util.Set;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** What this run saw of each record, for the next incremental run: one row per block, or one without a block. */
public final class SeenRecordFunction implements FlatMapFunction<ResolutionRecord, SeenRecord> {

    private static final long serialVersionUID = 1L;

    private final RecordBlocks recordBlocks;

    public SeenRecordFunction(RecordBlocks recordBlocks) {
        this.recordBlocks = requireNonNull(recordBlocks, "recordBlocks is null");
    }

    @Override
    public void flatMap(ResolutionRecord record, Collector<SeenRecord> out) {
        Set<String> blocks = recordBlocks.of(record);
        String fingerprint = RecordFingerprint.of(record);
        if (blocks.isEmpty()) {
            out.collect(new SeenRecord(record.recordId, record.ingestedAt, null, fingerprint));
        }
        for (String block : blocks) {
            out.collect(new SeenRecord(record.recordId, record.ingestedAt, block, fingerprint));
        }
    }
}
