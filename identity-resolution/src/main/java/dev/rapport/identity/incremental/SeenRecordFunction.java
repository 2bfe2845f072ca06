package dev.rapport.identity.incremental;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.block.BlockingKeyRule;
import dev.rapport.identity.record.ResolutionRecord;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** What this run saw of each record, for the next incremental run: one row per block, or one without a block. */
public final class SeenRecordFunction implements FlatMapFunction<ResolutionRecord, SeenRecord> {

    private static final long serialVersionUID = 1L;

    private final BlockingKeyRule blockingKeys;

    public SeenRecordFunction(BlockingKeyRule blockingKeys) {
        this.blockingKeys = requireNonNull(blockingKeys, "blockingKeys is null");
    }

    @Override
    public void flatMap(ResolutionRecord record, Collector<SeenRecord> out) {
        Set<String> blocks = new TreeSet<>();
        for (BlockingKey key : blockingKeys.keys(record)) {
            blocks.add(key.key);
        }
        if (blocks.isEmpty()) {
            out.collect(new SeenRecord(record.recordId, record.ingestedAt, null));
        }
        for (String block : blocks) {
            out.collect(new SeenRecord(record.recordId, record.ingestedAt, block));
        }
    }
}
