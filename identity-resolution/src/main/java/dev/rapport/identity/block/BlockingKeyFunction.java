package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.record.ResolutionRecord;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Emits the blocks each record joins (see {@link BlockingKeyRule}). */
public final class BlockingKeyFunction implements FlatMapFunction<ResolutionRecord, BlockingKey> {

    private static final long serialVersionUID = 1L;

    private final BlockingKeyRule rule;

    public BlockingKeyFunction(BlockingKeyRule rule) {
        this.rule = requireNonNull(rule, "rule is null");
    }

    @Override
    public void flatMap(ResolutionRecord record, Collector<BlockingKey> out) {
        rule.keys(record).forEach(out::collect);
    }
}
