package dev.rapport.ingest.config;

import java.util.Locale;

/** Where a Kafka source starts reading when it has no checkpoint to restore from. */
public enum StartingOffsets {
    /** The oldest record each partition still holds. */
    EARLIEST,
    /** Only records produced after the job starts. */
    LATEST,
    /** The consumer group's committed offsets; partitions without one start at the earliest. */
    COMMITTED;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
