package dev.rapport.identity.block;

import dev.rapport.identity.compare.MatchRecord;

/** One record in one candidate block of probabilistic matching. A Flink POJO. */
public class CandidateEntry {

    /** The block; holds personal data, so never printed. */
    public String key;

    public MatchRecord record;

    public CandidateEntry() {}

    public CandidateEntry(String key, MatchRecord record) {
        this.key = key;
        this.record = record;
    }

    @Override
    public String toString() {
        return "CandidateEntry{" + record + "}";
    }
}
