package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which pairs of a candidate block are compared: every pair of a block of at most twice the
 * window; in a larger one, each record with its next {@code window} records in the
 * {@link BlockOrder} (a sorted neighbourhood), so a block of n records costs about n x window
 * comparisons instead of n² / 2. Each pair has the smaller record id first; a record listed twice
 * is not paired with itself. Pure logic: the same block gives the same pairs in any input order.
 */
public final class BlockPairs {

    /** Two records of one block, {@code first.recordId < second.recordId}. */
    public record Pair(MatchRecord first, MatchRecord second) {}

    private final BlockOrder order;
    private final int window;

    public BlockPairs(RecordComparator comparator, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.order = new BlockOrder(requireNonNull(comparator, "comparator is null"));
        this.window = window;
    }

    /** Whether the block is compared in windows rather than in full. */
    public boolean windowed(int blockSize) {
        return blockSize > 2 * window;
    }

    public List<Pair> pairs(String key, List<MatchRecord> block) {
        List<MatchRecord> ordered;
        int reach;
        if (windowed(block.size())) {
            ordered = order.sorted(key, block);
            reach = window;
        } else {
            ordered = new ArrayList<>(block);
            ordered.sort(Comparator.comparing((MatchRecord record) -> record.recordId));
            reach = ordered.size();
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = i + 1; j <= i + reach && j < ordered.size(); j++) {
                MatchRecord first = ordered.get(i);
                MatchRecord second = ordered.get(j);
                int comparison = first.recordId.compareTo(second.recordId);
                if (comparison < 0) {
                    pairs.add(new Pair(first, second));
                } else if (comparison > 0) {
                    pairs.add(new Pair(second, first));
                }
            }
        }
        return pairs;
    }
}
