package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/** Per-source counts of a finished ingestion run, taken from the job's accumulators. */
public record IngestionReport(Map<String, SourceCounts> sources) {

    public IngestionReport {
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(sources, "sources is null")));
    }

    /** Reads the {@code <source>.<counter>} accumulators; other accumulators are ignored. */
    public static IngestionReport fromAccumulators(Map<String, Object> accumulators) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Map.Entry<String, Object> entry : accumulators.entrySet()) {
            int dot = entry.getKey().lastIndexOf('.');
            if (dot <= 0 || !(entry.getValue() instanceof Number number)) {
                continue;
            }
            int slot =
                    switch (entry.getKey().substring(dot + 1)) {
                        case IngestionCounters.READ -> 0;
                        case IngestionCounters.STORED -> 1;
                        case IngestionCounters.DEDUPLICATED -> 2;
                        case IngestionCounters.QUARANTINED -> 3;
                        case IngestionCounters.SUPPRESSED -> 4;
                        default -> -1;
                    };
            if (slot >= 0) {
                counts.computeIfAbsent(entry.getKey().substring(0, dot), k -> new long[5])[slot] = number.longValue();
            }
        }
        Map<String, SourceCounts> sources = new TreeMap<>();
        counts.forEach((source, c) -> sources.put(source, new SourceCounts(c[0], c[1], c[2], c[3], c[4])));
        return new IngestionReport(sources);
    }

    /** The counts of one source; all zero when the run had no such source. */
    public SourceCounts source(String name) {
        return sources.getOrDefault(name, new SourceCounts(0, 0, 0, 0));
    }

    public SourceCounts total() {
        return sources.values().stream().reduce(new SourceCounts(0, 0, 0, 0), SourceCounts::plus);
    }
}
