package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.keyed.EndOfInputTimer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The estimating pass over the candidate blocks (keyed by block key): compares each block as
 * {@link CandidateBlock} says and emits the comparison pattern of each pair the block owns, so each
 * distinct pair is counted once, for the estimate. A pattern is an int where a pair is a hundred
 * bytes: comparing twice (here, then to link under the estimated model) costs less than sending
 * every pair through a shuffle and sorting it.
 */
public final class CandidatePatternFunction extends KeyedProcessFunction<String, CandidateEntry, Integer> {

    private static final long serialVersionUID = 1L;

    private final CandidateBlock candidateBlock;

    private transient CandidateBlockState block;
    private transient EndOfInputTimer endOfInput;

    public CandidatePatternFunction(CandidateBlock candidateBlock) {
        this.candidateBlock = requireNonNull(candidateBlock, "candidateBlock is null");
    }

    @Override
    public void open(OpenContext openContext) {
        block = new CandidateBlockState(getRuntimeContext(), candidateBlock.maxBlockSize());
        endOfInput = new EndOfInputTimer(getRuntimeContext());
    }

    @Override
    public void processElement(CandidateEntry entry, Context context, Collector<Integer> out) throws Exception {
        endOfInput.await(context.timerService());
        block.add(entry.record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Integer> out) throws Exception {
        CandidateBlockState.Gathered gathered = block.drain();
        endOfInput.clear();
        for (CandidateBlock.ComparedPair compared :
                candidateBlock.compare(context.getCurrentKey(), gathered.records(), gathered.size())) {
            if (compared.owned()) {
                out.collect(compared.pair().pattern);
            }
        }
    }
}
