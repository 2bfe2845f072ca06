package dev.rapport.ingest.job;

/**
 * Names of the per-source counters, published as Flink accumulators {@code <source>.<counter>} (so
 * a client can poll progress while the job runs) and as metrics of the operators that count them.
 */
public final class IngestionCounters {

    /** Records read from the source's files, good or bad. */
    public static final String READ = "read";

    /** Records passed to the table sink, one per natural key. */
    public static final String STORED = "stored";

    /** Further records with a natural key already seen in this run (webhook retries, repeated rows). */
    public static final String DEDUPLICATED = "deduplicated";

    /** Records written to quarantine.rejected. */
    public static final String QUARANTINED = "quarantined";

    /** Records of people who asked to be forgotten (ops.suppressions), skipped. */
    public static final String SUPPRESSED = "suppressed";

    private IngestionCounters() {}

    public static String accumulator(String source, String counter) {
        return source + "." + counter;
    }
}
