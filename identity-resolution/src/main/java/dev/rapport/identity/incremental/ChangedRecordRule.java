package dev.rapport.identity.incremental;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which records an incremental run must match again, and where. A record changed if the previous
 * run did not see it (new), saw it and it is gone (deleted), or saw it with another
 * {@code ingested_at} (ingestion upserted it) and another {@link RecordFingerprint}: re-ingesting
 * a file rewrites every row with a new {@code ingested_at}, but a row whose content is the same
 * joins the same blocks and compares alike, so it need not be matched again.
 *
 * <p>The blocks of a changed record, those it joins now and those it joined before, are linked
 * again: a record that leaves a block can change the links among the others (the name guard
 * groups a block's records together).
 */
public final class ChangedRecordRule {

    private ChangedRecordRule() {}

    /**
     * @param present whether the record is in the input now
     * @param current its ingested_at now (null if unknown: then it counts as changed)
     * @param previous the ingested_at values the previous run stored for it (one per block row), empty if it
     *     did not see it
     */
    public static boolean changed(boolean present, Long current, Collection<Long> previous) {
        if (!present || current == null || previous.isEmpty()) {
            return true;
        }
        return previous.stream().anyMatch(seen -> !current.equals(seen));
    }

    /**
     * As {@link #changed(boolean, Long, Collection)}, but a record whose fingerprint equals every
     * fingerprint the previous run stored for it is unchanged whatever its {@code ingested_at}.
     */
    public static boolean changed(
            boolean present,
            Long current,
            String currentFingerprint,
            Collection<Long> previous,
            Collection<String> previousFingerprints) {
        if (present
                && currentFingerprint != null
                && !previousFingerprints.isEmpty()
                && previousFingerprints.stream().allMatch(currentFingerprint::equals)) {
            return false;
        }
        return changed(present, current, previous);
    }

    /** The blocks to link again for a changed record: its current and its previous ones. */
    public static Set<String> touchedBlocks(Collection<String> currentBlocks, Collection<String> previousBlocks) {
        Set<String> blocks = new TreeSet<>(currentBlocks);
        previousBlocks.stream().filter(java.util.Objects::nonNull).forEach(blocks::add);
        return blocks;
    }
}
