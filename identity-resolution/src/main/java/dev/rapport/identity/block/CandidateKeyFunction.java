package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Emits the candidate blocks each record joins (see {@link CandidateKeyRule}). */
public final class CandidateKeyFunction implements FlatMapFunction<MatchRecord, CandidateEntry> {

    private static final long serialVersionUID = 1L;

    private final CandidateKeyRule rule;

    public CandidateKeyFunction(CandidateKeyRule rule) {
        this.rule = requireNonNull(rule, "rule is null");
    }

    @Override
    public void flatMap(MatchRecord record, Collector<CandidateEntry> out) {
        for (String key : rule.keys(record)) {
            out.collect(new CandidateEntry(key, record));
        }
    }
}
