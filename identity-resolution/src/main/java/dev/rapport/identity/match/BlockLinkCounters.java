package dev.rapport.identity.match;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Links one whole block and counts what happened, for the operators that link blocks in a full run
 * ({@link BlockLinkFunction}) and in an incremental one ({@link IncrementalBlockLinkFunction}), so
 * both link and count alike.
 */
final class BlockLinkCounters {

    private final int maxBlockSize;
    private final LongCounter blocks = new LongCounter();
    private final LongCounter blocksLinked = new LongCounter();
    private final LongCounter entriesLinked = new LongCounter();
    private final LongCounter blocksOverCap = new LongCounter();
    private final Map<String, LongCounter> linksByRule = new HashMap<>();

    BlockLinkCounters(RuntimeContext context, IdentityConfig config) {
        this.maxBlockSize = config.maxBlockSize();
        context.addAccumulator(BlockLinkFunction.BLOCKS, blocks);
        context.addAccumulator(BlockLinkFunction.BLOCKS_LINKED, blocksLinked);
        context.addAccumulator(BlockLinkFunction.ENTRIES_LINKED, entriesLinked);
        context.addAccumulator(BlockLinkFunction.BLOCKS_OVER_CAP, blocksOverCap);
        for (MatchRule rule : config.rules()) {
            LongCounter counter = new LongCounter();
            context.addAccumulator(BlockLinkFunction.LINKS_PREFIX + rule.configName(), counter);
            linksByRule.put(rule.configName(), counter);
        }
    }

    /** Counts a block that has entries this run. */
    void countBlock() {
        blocks.add(1L);
    }

    /**
     * The links of a block of {@code size} entries of which {@code block} holds the first
     * {@code max_block_size + 1}; none when it cannot link or is over the cap.
     */
    List<Link> link(String blockKey, List<BlockingKey> block, int size) {
        if (!BlockLinker.canLink(block)) {
            return List.of();
        }
        if (size > maxBlockSize) {
            blocksOverCap.add(1L);
            return List.of();
        }
        blocksLinked.add(1L);
        entriesLinked.add(block.size());
        List<Link> links = new ArrayList<>();
        for (Link link : BlockLinker.link(block)) {
            links.add(link.inBlock(blockKey));
        }
        return links;
    }

    /** Counts a link that goes to the match graph. */
    void countLink(Link link) {
        LongCounter counter = linksByRule.get(link.rule);
        if (counter != null) {
            counter.add(1L);
        }
    }
}
