package dev.rapport.identity.score;

import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.match.Link;
import java.util.TreeSet;
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
 * After an estimating run scored the distinct pairs: the link of a pair (keyed by
 * {@link CandidatePair#key()}) once per candidate block it was compared in, for
 * {@code identity.match_links}, so that an incremental run can keep the links of blocks it does
 * not compare again.
 */
public final class PairBlocksFunction extends KeyedCoProcessFunction<String, CandidatePair, Link, Link> {

    private static final long serialVersionUID = 1L;

    private transient ListState<String> blocks;
    private transient ValueState<Link> link;
    private transient ValueState<Boolean> timerSet;

    @Override
    public void open(OpenContext openContext) {
        blocks = getRuntimeContext().getListState(new ListStateDescriptor<>("blocks", Types.STRING));
        link = getRuntimeContext().getState(new ValueStateDescriptor<>("link", TypeInformation.of(Link.class)));
        timerSet = getRuntimeContext().getState(new ValueStateDescriptor<>("timer-set", Types.BOOLEAN));
    }

    @Override
    public void processElement1(CandidatePair pair, Context context, Collector<Link> out) throws Exception {
        awaitEnd(context);
        blocks.add(pair.block);
    }

    @Override
    public void processElement2(Link scored, Context context, Collector<Link> out) throws Exception {
        awaitEnd(context);
        link.update(scored);
    }

    private void awaitEnd(Context context) throws Exception {
        if (timerSet.value() == null) {
            timerSet.update(true);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        Link scored = link.value();
        TreeSet<String> pairBlocks = new TreeSet<>();
        for (String block : blocks.get()) {
            pairBlocks.add(block);
        }
        blocks.clear();
        link.clear();
        timerSet.clear();
        if (scored != null) {
            for (String block : pairBlocks) {
                out.collect(scored.inBlock(CandidateKeyRule.STORED_PREFIX + block));
            }
        }
    }
}
