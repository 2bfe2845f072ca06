package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingests every configured source into staging.* (bad records into quarantine.rejected).")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        return StageCommands.ingest(config.load(), Console.system(), cluster.target());
    }
}
