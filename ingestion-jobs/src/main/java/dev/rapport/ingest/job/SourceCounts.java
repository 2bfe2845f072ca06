package dev.rapport.ingest.job;

/**
 * What happened to one source's records in a run; {@code read = stored + deduplicated + quarantined
 * + suppressed}.
 */
public record SourceCounts(long read, long stored, long deduplicated, long quarantined, long suppressed) {

    public SourceCounts {
        if (read < 0 || stored < 0 || deduplicated < 0 || quarantined < 0 || suppressed < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** Counts of a run in which nobody was suppressed. */
    public SourceCounts(long read, long stored, long deduplicated, long quarantined) {
        this(read, stored, deduplicated, quarantined, 0);
    }

    /** True when every record read is accounted for. */
    public boolean balanced() {
        return read == stored + deduplicated + quarantined + suppressed;
    }

    SourceCounts plus(SourceCounts other) {
        return new SourceCounts(
                read + other.read,
                stored + other.stored,
                deduplicated + other.deduplicated,
                quarantined + other.quarantined,
                suppressed + other.suppressed);
    }
}
