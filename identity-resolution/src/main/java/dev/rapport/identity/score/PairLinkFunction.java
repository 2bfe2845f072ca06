package dev.rapport.identity.score;

import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.Link;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Makes one link per record pair (keyed by pair) for the match graph, of the pair's links in the
 * candidate blocks compared in this run (the first input) and of those the previous run made in
 * blocks an incremental run did not compare again (the second). A link made now wins: a pair's
 * records may have changed. A kept link stands when the pair does not link in the blocks compared
 * now: its block's records did not change, so neither did its link there. Of several, the one of
 * the first block is taken (a pair's links differ only in their block).
 */
public final class PairLinkFunction extends KeyedCoProcessFunction<String, Link, Link, Link> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Link> linked;
    private transient ValueState<Link> kept;
    private transient EndOfInputTimer endOfInput;

    /** The key of a link's pair. */
    public static String pairKey(Link link) {
        return link.fromRecordId + "|" + link.toRecordId;
    }

    @Override
    public void open(OpenContext openContext) {
        linked = getRuntimeContext().getState(new ValueStateDescriptor<>("linked", TypeInformation.of(Link.class)));
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("kept", TypeInformation.of(Link.class)));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
    }

    @Override
    public void processElement1(Link link, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        linked.update(first(linked.value(), link));
    }

    @Override
    public void processElement2(Link link, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        kept.update(first(kept.value(), link));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        Link link = linked.value() != null ? linked.value() : kept.value();
        linked.clear();
        kept.clear();
        endOfInput.clear();
        if (link != null) {
            out.collect(link.withoutBlock());
        }
    }

    private static Link first(Link seen, Link link) {
        return seen == null || BY_BLOCK.compare(link, seen) < 0 ? link : seen;
    }

    private static final Comparator<Link> BY_BLOCK =
            Comparator.comparing(link -> link.blockKey, Comparator.nullsFirst(Comparator.naturalOrder()));
}
