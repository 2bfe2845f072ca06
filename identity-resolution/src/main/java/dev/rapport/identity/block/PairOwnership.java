package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which candidate block owns a pair of records: the first, in key order, of the blocks both
 * records join ({@link CandidateKeyRule}). A pair that shares several blocks is compared in each,
 * but counted only in the one that owns it, so counts of pairs (and of their comparison patterns)
 * are of distinct pairs without gathering the pairs anywhere. Pure logic: each record's keys come
 * from the record alone.
 *
 * <p>One instance per block: it keeps the keys of the block's records while the block is compared.
 */
public final class PairOwnership {

    private final CandidateKeyRule rule;
    private final Map<String, Set<String>> keysByRecord = new HashMap<>();

    public PairOwnership(CandidateKeyRule rule) {
        this.rule = requireNonNull(rule, "rule is null");
    }

    /** Whether the block {@code blockKey} owns the pair of {@code first} and {@code second}. */
    public boolean owns(String blockKey, MatchRecord first, MatchRecord second) {
        Set<String> firstKeys = keys(first);
        Set<String> secondKeys = keys(second);
        String owner = null;
        for (String key : firstKeys) {
            if (secondKeys.contains(key) && (owner == null || key.compareTo(owner) < 0)) {
                owner = key;
            }
        }
        // a record always joins the block it is compared in; none shared means the rule changed
        return owner == null || owner.equals(blockKey);
    }

    private Set<String> keys(MatchRecord record) {
        return keysByRecord.computeIfAbsent(record.recordId, id -> {
            List<String> keys = rule.keys(record);
            return new HashSet<>(keys);
        });
    }
}
