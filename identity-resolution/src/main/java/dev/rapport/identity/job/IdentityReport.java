package dev.rapport.identity.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What one identity resolution run did, read from the job's accumulators.
 *
 * @param mode {@link #FULL} or {@link #INCREMENTAL}
 * @param records source records read
 * @param changedRecords records new, updated or deleted since the previous run (an incremental run), or all
 *     records read (a full run)
 * @param blocks blocks (distinct blocking keys) of the records read
 * @param blocksLinked blocks the deterministic linker ran on; an incremental run links only those
 *     holding a changed record and keeps the others' previous links
 * @param blockEntriesLinked records in the blocks the linker ran on, summed over the blocks
 * @param customers customers (clusters) written
 * @param linksByRule links made within blocks, per rule name ({@code email}, {@code phone},
 *     {@code source_customer_ref}); a block of n compatible records makes n - 1 links
 * @param largestCluster records in the largest customer
 * @param blocksOverCap blocks that were not linked because more records than {@code max_block_size}
 *     shared the identifier
 * @param comparisons record pairs compared by probabilistic matching (a pair in several blocks counts in each)
 * @param candidatePairs distinct record pairs compared by probabilistic matching, each counted in the
 *     first candidate block both its records join (if that block compares it: a pair left out by
 *     a large block's window there is not counted, though another block compares it)
 * @param candidateBlocksOverCap candidate blocks not compared for being over
 *     {@code probabilistic.max_block_size}
 * @param candidateBlocks candidate blocks of probabilistic matching
 * @param candidateBlocksCompared candidate blocks compared; an incremental run compares only those
 *     holding a changed record and keeps the others' previous links
 * @param candidateBlocksWindowed candidate blocks compared in windows (each record with its next
 *     {@code probabilistic.window} in the block's order) for holding more than twice the window
 * @param matchedRecords records resolved to a customer that holds at least one other record
 * @param clusterSizes the cluster size distribution: customers and their records per size class
 *     ({@link dev.rapport.identity.cluster.ClusterSizes}), every class in order, empty ones too
 * @param refusedLinks links the clustering refused because they would have given a customer
 *     conflicting birth dates or national ids
 * @param deletedRecords records of {@code staging.customer_records} left out because their source
 *     deleted them ({@code deleted_at} set)
 * @param oversizedLinks links the clustering refused because the customer would have held more than
 *     {@code identity.max_cluster_size} records
 */
public record IdentityReport(
        String mode,
        long records,
        long changedRecords,
        long blocks,
        long blocksLinked,
        long blockEntriesLinked,
        long customers,
        Map<String, Long> linksByRule,
        int largestCluster,
        long blocksOverCap,
        long comparisons,
        long candidatePairs,
        long candidateBlocksOverCap,
        long candidateBlocks,
        long candidateBlocksCompared,
        long candidateBlocksWindowed,
        long matchedRecords,
        List<SizeClassCount> clusterSizes,
        long refusedLinks,
        long oversizedLinks,
        long deletedRecords) {

    /** Customers of one size class ({@code sizes}, e.g. "3-5" records) and the records they hold. */
    public record SizeClassCount(String sizes, long customers, long records) {
        public SizeClassCount {
            requireNonNull(sizes, "sizes is null");
        }
    }

    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";

    public IdentityReport {
        requireNonNull(mode, "mode is null");
        requireNonNull(linksByRule, "linksByRule is null");
        linksByRule = Map.copyOf(linksByRule);
        clusterSizes = List.copyOf(requireNonNull(clusterSizes, "clusterSizes is null"));
    }

    public long links() {
        return linksByRule.values().stream().mapToLong(Long::longValue).sum();
    }
}
