package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.BlockOrder;
import dev.rapport.identity.block.BlockPairs;
import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.block.PairOwnership;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How one candidate block is compared: every pair of a small block; in a block of more than twice
 * the window, each record with its next {@code window} records in the {@link BlockOrder} (a sorted
 * neighbourhood), so a common name born in one year costs comparisons in proportion to its
 * records, not their square. A block larger than the cap (a call centre's phone) is not compared at
 * all: its records still meet in their other blocks. Each pair comes with whether this block owns
 * it ({@link PairOwnership}), so that a pair shared by several blocks is counted once.
 *
 * <p>Shared by the operators that compare candidate blocks; they gather a block's records, keeping
 * at most the cap of them.
 */
public final class CandidateBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One compared pair ({@code pair.first < pair.second}) and whether this block owns it. */
    public record ComparedPair(CandidatePair pair, boolean owned) {}

    private final RecordComparator comparator;
    private final CandidateKeyRule keys;
    private final int maxBlockSize;
    private final int window;

    public CandidateBlock(RecordComparator comparator, int maxBlockSize, int window) {
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.keys = new CandidateKeyRule(comparator);
        this.maxBlockSize = maxBlockSize;
        this.window = window;
    }

    /** The most records of a block that are kept; a block with more is not compared. */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** Whether a block of {@code size} records is over the cap. */
    public boolean overCap(int size) {
        return size > maxBlockSize;
    }

    /** Whether a block of {@code size} records is compared in windows rather than in full. */
    public boolean windowed(int size) {
        return !overCap(size) && new BlockPairs(comparator, window).windowed(size);
    }

    /**
     * The compared pairs of block {@code key} of {@code size} records, of which {@code block} holds
     * the first {@link #maxBlockSize()}: none if it is over the cap.
     */
    public List<ComparedPair> compare(String key, List<MatchRecord> block, int size) {
        if (overCap(size)) {
            return List.of();
        }
        PairOwnership ownership = new PairOwnership(keys);
        List<ComparedPair> compared = new ArrayList<>();
        for (BlockPairs.Pair pair : new BlockPairs(comparator, window).pairs(key, block)) {
            compared.add(new ComparedPair(
                    CandidatePair.of(pair.first(), pair.second(), comparator.compare(pair.first(), pair.second())),
                    ownership.owns(key, pair.first(), pair.second())));
        }
        return compared;
    }
}
