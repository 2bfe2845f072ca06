package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.maintain.MaintenanceOptions;
import dev.rapport.maintain.MaintenanceResult;
import dev.rapport.maintain.TableMaintainer;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.EmbeddedRunner;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "maintain",
        mixinStandardHelpOptions = true,
        description = {
            "Keeps every table healthy: compacts small data files, expires old snapshots (and the files only",
            "they reference) and removes orphan files left by failed writes. Schedule it (cron, Airflow)",
            "as often as you like; it is safe beside running jobs."
        })
final class MaintainCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(
            names = "--expire-older-than",
            defaultValue = "P7D",
            description = "Expire snapshots older than this ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration expireOlderThan;

    @Option(
            names = "--retain-last",
            defaultValue = "5",
            description = "Always keep this many snapshots (default: ${DEFAULT-VALUE}).")
    int retainLast;

    @Option(
            names = "--orphans-older-than",
            defaultValue = "P3D",
            description = "Delete unreferenced files older than this (default: ${DEFAULT-VALUE}; at least PT1H).")
    Duration orphansOlderThan;

    @Option(
            names = "--target-file-size-mb",
            defaultValue = "128",
            description = "Compact data files towards this size (default: ${DEFAULT-VALUE}).")
    long targetFileSizeMb;

    @Override
    public Integer call() throws Exception {
        RapportConfig loaded = config.load();
        MaintenanceOptions options;
        try {
            options = new MaintenanceOptions(
                    expireOlderThan, retainLast, orphansOlderThan, targetFileSizeMb * 1024 * 1024);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Console console = Console.system();
        TableMaintainer maintainer = new TableMaintainer(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new EmbeddedRunner(loaded.parallelism(), console).configuration());
        Instant now = Instant.now();
        console.line(String.format(
                Locale.ROOT, "  %-28s %18s %12s %8s", "table", "files rewritten", "snapshots", "orphans"));
        try (RapportCatalog catalog = new RapportCatalog(loaded.catalog())) {
            for (TableDefinition definition : RapportTables.all()) {
                if (!catalog.exists(definition)) {
                    continue;
                }
                MaintenanceResult result = maintainer.maintain(catalog.load(definition), env, now);
                console.line(String.format(
                        Locale.ROOT,
                        "  %-28s %8d -> %-7d %5d -> %-4d %8d",
                        definition.qualifiedName(),
                        result.dataFilesRewritten(),
                        result.dataFilesAdded(),
                        result.snapshotsBefore(),
                        result.snapshotsAfter(),
                        result.orphanFilesDeleted()));
            }
        }
        return ExitCodes.OK;
    }
}
