package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.maintain.FailedRunFiles;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * After a batch run fails, deletes the data files it wrote but never committed, so that the rerun
 * leaves the tables exactly as one successful run would, with no orphaned files. A job's tables are
 * those of its namespaces; tables a streaming job may be writing at the same time are left to
 * {@code rapport maintain}, whose orphan sweep waits until such files are old.
 */
final class FailedRunCleanup {

    /** Which namespaces each batch job writes. */
    private static final java.util.Map<String, Set<String>> NAMESPACES = java.util.Map.of(
            "ingest", Set.of(RapportTables.STAGING, RapportTables.QUARANTINE),
            "resolve", Set.of(RapportTables.IDENTITY),
            "metrics", Set.of(RapportTables.METRICS, "feeds"));

    /** Run logs, written by the process after the job, and tables only streaming jobs write. */
    private static final Set<String> NEVER = Set.of(
            RapportTables.INGESTION_RUNS.qualifiedName(), RapportTables.JOB_RUNS.qualifiedName(), "feeds.alerts");

    private final CatalogConfig catalog;
    private final boolean streamingIngestion;
    private final Console console;

    /**
     * @param streamingIngestion whether the config has streaming sources, whose job may be writing
     *     the staging and quarantine tables at any time
     */
    FailedRunCleanup(CatalogConfig catalog, boolean streamingIngestion, Console console) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.streamingIngestion = streamingIngestion;
        this.console = requireNonNull(console, "console is null");
    }

    /** Removes what a failed run of {@code job}, between {@code from} and {@code to}, left behind. */
    int clean(String job, Instant from, Instant to) {
        Set<String> namespaces = NAMESPACES.getOrDefault(job, Set.of());
        if (job.equals("ingest") && streamingIngestion) {
            console.line("  not removing the failed run's files: a streaming job may be writing the same tables;"
                    + " 'rapport maintain' removes orphans");
            return 0;
        }
        int removed = 0;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            for (TableDefinition table : tablesOf(namespaces)) {
                if (tables.exists(table)) {
                    removed +=
                            FailedRunFiles.remove(tables.load(table), from, to).size();
                }
            }
        }
        if (removed > 0) {
            console.line("  removed " + removed + " file(s) the failed run wrote but never committed");
        }
        return removed;
    }

    static List<TableDefinition> tablesOf(Set<String> namespaces) {
        return RapportTables.all().stream()
                .filter(t -> namespaces.contains(t.identifier().namespace().toString()))
                .filter(t -> !NEVER.contains(t.qualifiedName()))
                .toList();
    }
}
