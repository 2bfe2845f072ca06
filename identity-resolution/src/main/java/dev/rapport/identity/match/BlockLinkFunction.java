package dev.rapport.identity.match;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.config.IdentityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects the entries of one block (keyed by block key) until the input ends, then links them
 * with {@link BlockLinker}. A block larger than {@code max_block_size} links nothing: an
 * identifier held by that many records is shared (a company switchboard, a test address), not
 * personal. Such blocks are counted, and only the first {@code max_block_size + 1} entries are
 * kept in state.
 */
public final class BlockLinkFunction extends KeyedProcessFunction<String, BlockingKey, Link> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: blocks not linked for being over the cap. */
    public static final String BLOCKS_OVER_CAP = "identity.blocks-over-cap";
    /** Accumulator prefix: links made per rule, e.g. {@code identity.links.email}. */
    public static final String LINKS_PREFIX = "identity.links.";
    /** Accumulator: blocks (distinct blocking keys) of this run's records. */
    public static final String BLOCKS = "identity.blocks";
    /** Accumulator: blocks the linker ran on; in an incremental run only blocks with a changed record. */
    public static final String BLOCKS_LINKED = "identity.blocks-linked";
    /** Accumulator: entries of the blocks the linker ran on, a measure of the matching work. */
    public static final String ENTRIES_LINKED = "identity.block-entries-linked";

    private final IdentityConfig config;

    private transient ListState<BlockingKey> entries;
    private transient ValueState<Integer> size;
    private transient BlockLinkCounters counters;

    public BlockLinkFunction(IdentityConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    public void open(OpenContext openContext) {
        entries = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("block-entries", TypeInformation.of(BlockingKey.class)));
        size = getRuntimeContext().getState(new ValueStateDescriptor<>("block-size", Types.INT));
        counters = new BlockLinkCounters(getRuntimeContext(), config);
    }

    @Override
    public void processElement(BlockingKey entry, Context context, Collector<Link> out) throws Exception {
        Integer seen = size.value();
        int count = seen == null ? 1 : seen + 1;
        size.update(count);
        if (count == 1) {
            // fires once the input is over: at the end of the key in batch mode, at the final
            // watermark of a bounded streaming run
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (count <= config.maxBlockSize() + 1) {
            entries.add(entry);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        List<BlockingKey> block = new ArrayList<>();
        for (BlockingKey entry : entries.get()) {
            block.add(entry);
        }
        Integer count = size.value();
        entries.clear();
        size.clear();
        counters.countBlock();
        for (Link link : counters.link(context.getCurrentKey(), block, count == null ? block.size() : count)) {
            counters.countLink(link);
            out.collect(link);
        }
    }
}
