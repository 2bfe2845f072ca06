package dev.rapport.ingest.job;

/** What happened to one source's records in a run; {@code read = stored + deduplicated + quarantined}. */
public record SourceCounts(long read, long stored, long deduplicated, long quarantined) {

    public SourceCounts {
        if (read < 0 || stored < 0 || deduplicated < 0 || quarantined < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** True when every record read is accounted for. */
    public boolean balanced() {
        return read == stored + deduplicated + quarantined;
    }

    SourceCounts plus(SourceCounts other) {
        return new SourceCounts(
                read + other.read,
                stored + other.stored,
                deduplicated + other.deduplicated,
                quarantined + other.quarantined);
    }
}
