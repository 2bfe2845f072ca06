package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.StoredModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Links the pairs of one candidate block (keyed by block key) under the model whose rows of
 * {@code identity.match_model} arrive as broadcast input: estimated in this run, or stored by an
 * earlier one. A bounded job processes the broadcast input first, so every block sees the whole
 * model. Each block is compared as {@link CandidateBlock} says and only the pairs that link leave
 * it, each as its link in this block (its key with {@link dev.rapport.identity.block.CandidateKeyRule#STORED_PREFIX}): the
 * pairs themselves, millions per million records, never go through a shuffle.
 */
public final class CandidateLinkFunction
        extends KeyedBroadcastProcessFunction<String, CandidateEntry, StoredModel.Row, Link> {

    private static final long serialVersionUID = 1L;

    /** The rows of the model, by field and level. */
    public static final MapStateDescriptor<String, StoredModel.Row> MODEL_ROWS =
            new MapStateDescriptor<>("model-rows", Types.STRING, TypeInformation.of(StoredModel.Row.class));

    private final CandidateBlock candidateBlock;
    private final double threshold;
    private final double conflictOverride;

    private transient CandidateBlockState block;
    private transient EndOfInputTimer endOfInput;
    private transient CandidateBlockCounters counters;
    private transient PairScorer scorer;

    public CandidateLinkFunction(CandidateBlock candidateBlock, double threshold, double conflictOverride) {
        this.candidateBlock = requireNonNull(candidateBlock, "candidateBlock is null");
        this.threshold = threshold;
        this.conflictOverride = conflictOverride;
    }

    @Override
    public void open(OpenContext openContext) {
        block = new CandidateBlockState(getRuntimeContext(), candidateBlock.maxBlockSize());
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        counters = new CandidateBlockCounters(getRuntimeContext());
    }

    @Override
    public void processBroadcastElement(StoredModel.Row row, Context context, Collector<Link> out) throws Exception {
        context.getBroadcastState(MODEL_ROWS).put(row.field() + ":" + row.level(), row);
        scorer = null;
    }

    @Override
    public void processElement(CandidateEntry entry, ReadOnlyContext context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        block.add(entry.record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        CandidateBlockState.Gathered gathered = block.drain();
        endOfInput.clear();
        if (scorer == null) {
            List<StoredModel.Row> rows = new ArrayList<>();
            context.getBroadcastState(MODEL_ROWS).immutableEntries().forEach(entry -> rows.add(entry.getValue()));
            scorer = new PairScorer(threshold, conflictOverride, rows);
        }
        String key = context.getCurrentKey();
        List<CandidateBlock.ComparedPair> pairs = candidateBlock.compare(key, gathered.records(), gathered.size());
        counters.compared(candidateBlock, gathered.size(), pairs);
        scorer.linkAll(key, pairs, out);
    }
}
