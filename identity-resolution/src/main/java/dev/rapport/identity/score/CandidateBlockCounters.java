package dev.rapport.identity.score;

import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/** The accumulators of the operators that compare candidate blocks and link their pairs. */
public final class CandidateBlockCounters {

    /** Accumulator: pairs compared (a pair in several blocks counts in each). */
    public static final String COMPARISONS = "identity.comparisons";
    /** Accumulator: distinct candidate pairs compared (each counted in the block that owns it). */
    public static final String CANDIDATE_PAIRS = "identity.candidate-pairs";
    /** Accumulator: candidate blocks not compared for being over the cap. */
    public static final String BLOCKS_OVER_CAP = "identity.candidate-blocks-over-cap";
    /** Accumulator: candidate blocks of this run's records. */
    public static final String BLOCKS = "identity.candidate-blocks";
    /** Accumulator: candidate blocks compared; in an incremental run only those with a changed record. */
    public static final String BLOCKS_COMPARED = "identity.candidate-blocks-compared";
    /** Accumulator: candidate blocks compared in windows for being larger than twice the window. */
    public static final String BLOCKS_WINDOWED = "identity.candidate-blocks-windowed";

    private final LongCounter comparisons = new LongCounter();
    private final LongCounter candidatePairs = new LongCounter();
    private final LongCounter blocksOverCap = new LongCounter();
    private final LongCounter blocks = new LongCounter();
    private final LongCounter blocksCompared = new LongCounter();
    private final LongCounter blocksWindowed = new LongCounter();

    /** Call from the function's {@code open}; one operator of a job registers them. */
    CandidateBlockCounters(RuntimeContext context) {
        context.addAccumulator(COMPARISONS, comparisons);
        context.addAccumulator(CANDIDATE_PAIRS, candidatePairs);
        context.addAccumulator(BLOCKS_OVER_CAP, blocksOverCap);
        context.addAccumulator(BLOCKS, blocks);
        context.addAccumulator(BLOCKS_COMPARED, blocksCompared);
        context.addAccumulator(BLOCKS_WINDOWED, blocksWindowed);
    }

    /** A block not compared again: its pairs are unchanged (incremental runs). */
    void kept() {
        blocks.add(1L);
    }

    /** A block of {@code size} records compared as {@code block} says, giving {@code pairs}. */
    void compared(CandidateBlock block, int size, List<CandidateBlock.ComparedPair> pairs) {
        blocks.add(1L);
        if (block.overCap(size)) {
            blocksOverCap.add(1L);
            return;
        }
        blocksCompared.add(1L);
        if (block.windowed(size)) {
            blocksWindowed.add(1L);
        }
        comparisons.add((long) pairs.size());
        for (CandidateBlock.ComparedPair pair : pairs) {
            if (pair.owned()) {
                candidatePairs.add(1L);
            }
        }
    }
}
