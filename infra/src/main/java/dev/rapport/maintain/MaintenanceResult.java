package dev.rapport.maintain;

/** What maintenance did to one table. */
public record MaintenanceResult(
        String table,
        int dataFilesRewritten,
        int dataFilesAdded,
        int snapshotsBefore,
        int snapshotsAfter,
        int orphanFilesDeleted) {}
