package dev.rapport.identity.profile;

/**
 * Names of the identity job's per-source counters, published as metrics of the golden-profile
 * operator in a {@code source} group (so Flink's Prometheus reporter labels them by source) and,
 * summed over sources, as accumulators the run's report reads.
 */
public final class IdentityCounters {

    /** The metric group key whose value is the source name. */
    public static final String SOURCE_GROUP = "source";

    /** Source records resolved to a customer. */
    public static final String RESOLVED = "resolved";

    /** Source records resolved to a customer that holds at least one other record. */
    public static final String MATCHED = "matched";

    /** The accumulator of {@link #MATCHED} over all sources. */
    public static final String MATCHED_ACCUMULATOR = "identity.matched";

    private IdentityCounters() {}
}
