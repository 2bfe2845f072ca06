package dev.rapport.privacy;

import static java.util.Objects.requireNonNull;

import dev.rapport.maintain.HistoryPurge;
import dev.rapport.maintain.TableEraser;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The right to be forgotten: finds a person, rewrites every table without their rows, purges every
 * older snapshot and unreferenced file (so no file in the warehouse still holds them), then records
 * salted hashes of their keys in {@code ops.suppressions} so that later ingests skip them.
 *
 * <p>Run it while no job writes: a commit that lands between the read and the rewrite of a table
 * fails the rewrite (nothing is lost; run forget again), and files a running job has written but not
 * yet committed would be taken for orphans.
 */
public final class Forgetter {

    private final CatalogConfig catalog;
    private final String salt;
    private final Console console;

    /** @param salt the suppression salt, {@link SuppressionSalt#from} */
    public Forgetter(CatalogConfig catalog, String salt, Console console) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.salt = requireNonNull(salt, "salt is null");
        this.console = requireNonNull(console, "console is null");
    }

    /** What one forget did, without any of the person's data. */
    public record Result(
            String requestId,
            int records,
            int customers,
            int events,
            Map<String, Long> rowsRemoved,
            int tablesRewritten,
            int snapshotsExpired,
            int orphanFilesDeleted,
            int suppressionsRecorded) {

        public Result {
            rowsRemoved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsRemoved));
        }

        public long totalRowsRemoved() {
            return rowsRemoved.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Result forget(Function<SubjectFinder, Subject> find, String requestId) {
        Instant startedAt = Instant.now();
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            console.line("  finding the person's records, customers and events");
            Subject subject = find.apply(new SubjectFinder(tables));
            console.line("  found " + subject.recordIds().size() + " record(s), "
                    + subject.customerIds().size() + " customer id(s), "
                    + subject.eventIds().size() + " event(s)");
            Map<String, Long> removed = new LinkedHashMap<>();
            int rewritten = 0;
            int expired = 0;
            int orphans = 0;
            for (TableDefinition definition : RapportTables.all()) {
                if (!tables.exists(definition) || definition.equals(RapportTables.SUPPRESSIONS)) {
                    continue;
                }
                console.progress("  rewriting " + definition.qualifiedName());
                TableEraser.Erased erased = TableEraser.erase(tables.load(definition), subject::holds);
                if (erased.removed() > 0) {
                    removed.put(definition.qualifiedName(), erased.removed());
                }
                rewritten += erased.rewritten() ? 1 : 0;
                // Files the rewrite itself left unreferenced are orphans too: hence the cut-off is now.
                HistoryPurge.Purged purged =
                        HistoryPurge.purge(tables.load(definition), System.currentTimeMillis() + 1);
                expired += purged.snapshotsExpired();
                orphans += purged.orphanFilesDeleted();
                if (erased.removed() > 0) {
                    console.line(String.format(
                            java.util.Locale.ROOT,
                            "  %-30s %8s row(s) removed",
                            definition.qualifiedName(),
                            Console.count(erased.removed())));
                }
            }
            int suppressions = new SuppressionStore(catalog).record(salt, subject, requestId, startedAt);
            return new Result(
                    requestId,
                    subject.recordIds().size(),
                    subject.customerIds().size(),
                    subject.eventIds().size(),
                    removed,
                    rewritten,
                    expired,
                    orphans,
                    suppressions);
        }
    }
}
