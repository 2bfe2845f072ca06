package dev.rapport.maintain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What {@code rapport maintain} does to each table.
 *
 * @param expireOlderThan snapshots older than this are expired (their unreferenced files deleted)
 * @param retainLast this many most recent snapshots are always kept, whatever their age
 * @param orphansOlderThan files in a table's folder that no snapshot references are deleted once
 *     this old; younger ones may belong to a write still in flight
 * @param targetFileSizeBytes small data files are compacted towards this size
 */
public record MaintenanceOptions(
        Duration expireOlderThan, int retainLast, Duration orphansOlderThan, long targetFileSizeBytes) {

    public static final Duration EXPIRE_OLDER_THAN_DEFAULT = Duration.ofDays(7);
    public static final int RETAIN_LAST_DEFAULT = 5;
    public static final Duration ORPHANS_OLDER_THAN_DEFAULT = Duration.ofDays(3);
    public static final long TARGET_FILE_SIZE_DEFAULT = 128L * 1024 * 1024;

    public MaintenanceOptions {
        requireNonNull(expireOlderThan, "expireOlderThan is null");
        requireNonNull(orphansOlderThan, "orphansOlderThan is null");
        if (retainLast < 1) {
            throw new IllegalArgumentException("retain-last must be at least 1, got " + retainLast);
        }
        if (orphansOlderThan.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "orphans-older-than must be at least 1h, so that files of a running write are never deleted");
        }
        if (targetFileSizeBytes < 1024 * 1024) {
            throw new IllegalArgumentException("target file size must be at least 1 MB");
        }
    }

    public static MaintenanceOptions defaults() {
        return new MaintenanceOptions(
                EXPIRE_OLDER_THAN_DEFAULT, RETAIN_LAST_DEFAULT, ORPHANS_OLDER_THAN_DEFAULT, TARGET_FILE_SIZE_DEFAULT);
    }
}
