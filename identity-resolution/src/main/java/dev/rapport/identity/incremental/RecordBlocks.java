package dev.rapport.identity.incremental;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.block.BlockingKeyRule;
import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.record.ResolutionRecord;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every block a record joins, as {@code identity.resolution_state} stores them: its deterministic
 * blocking keys and, when probabilistic matching is on, its candidate keys with
 * {@link CandidateKeyRule#STORED_PREFIX}.
 */
public final class RecordBlocks implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BlockingKeyRule blockingKeys;
    /** Null when probabilistic matching is off. */
    private final CandidateKeyRule candidateKeys;

    public RecordBlocks(BlockingKeyRule blockingKeys, CandidateKeyRule candidateKeys) {
        this.blockingKeys = requireNonNull(blockingKeys, "blockingKeys is null");
        this.candidateKeys = candidateKeys;
    }

    public Set<String> of(ResolutionRecord record) {
        Set<String> blocks = new TreeSet<>();
        for (BlockingKey key : blockingKeys.keys(record)) {
            blocks.add(key.key);
        }
        if (candidateKeys != null) {
            for (String key : candidateKeys.keys(MatchRecord.of(record))) {
                blocks.add(CandidateKeyRule.STORED_PREFIX + key);
            }
        }
        return blocks;
    }
}
