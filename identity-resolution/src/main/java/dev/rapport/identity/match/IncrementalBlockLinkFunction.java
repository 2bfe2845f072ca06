package dev.rapport.identity.match;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.keyed.EndOfInputTimer;
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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The block operator of an incremental run (keyed by block key): a block that holds or held a
 * changed record ({@link BlockUpdate#touch}) is linked again from its current entries, exactly as
 * {@link BlockLinkFunction} does; any other block has the same entries as in the previous run, so
 * its previous links are emitted as they were, without comparing anything.
 */
public final class IncrementalBlockLinkFunction extends KeyedCoProcessFunction<String, BlockingKey, BlockUpdate, Link> {

    private static final long serialVersionUID = 1L;

    private final IdentityConfig config;

    private transient ListState<BlockingKey> entries;
    private transient ValueState<Integer> size;
    private transient ValueState<Boolean> touched;
    private transient ListState<Link> previousLinks;
    private transient EndOfInputTimer endOfInput;
    private transient BlockLinkCounters counters;

    public IncrementalBlockLinkFunction(IdentityConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    public void open(OpenContext openContext) {
        entries = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("block-entries", TypeInformation.of(BlockingKey.class)));
        size = getRuntimeContext().getState(new ValueStateDescriptor<>("block-size", Types.INT));
        touched = getRuntimeContext().getState(new ValueStateDescriptor<>("block-touched", Types.BOOLEAN));
        previousLinks = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("previous-links", TypeInformation.of(Link.class)));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        counters = new BlockLinkCounters(getRuntimeContext(), config);
    }

    @Override
    public void processElement1(BlockingKey entry, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        Integer seen = size.value();
        int count = seen == null ? 1 : seen + 1;
        size.update(count);
        if (count <= config.maxBlockSize() + 1) {
            entries.add(entry);
        }
    }

    @Override
    public void processElement2(BlockUpdate update, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        if (update.touched) {
            touched.update(true);
        } else {
            previousLinks.add(update.previousLink);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        List<BlockingKey> block = new ArrayList<>();
        for (BlockingKey entry : entries.get()) {
            block.add(entry);
        }
        List<Link> previous = new ArrayList<>();
        for (Link link : previousLinks.get()) {
            previous.add(link);
        }
        Integer count = size.value();
        boolean relink = Boolean.TRUE.equals(touched.value());
        entries.clear();
        size.clear();
        touched.clear();
        previousLinks.clear();
        endOfInput.clear();
        if (!block.isEmpty()) {
            counters.countBlock();
        }
        List<Link> links = relink ? counters.link(context.getCurrentKey(), block, count == null ? 0 : count) : previous;
        for (Link link : links) {
            counters.countLink(link);
            out.collect(link);
        }
    }
}
