package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs every stage in order: ingest, resolve, metrics, feed.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        RapportConfig loaded = config.load();
        Console console = Console.system();
        StageCommands.ingest(loaded, console, cluster.target());
        StageCommands.resolve(loaded, console, cluster.target());
        StageCommands.metrics(loaded, console, cluster.target());
        return StageCommands.feed(loaded, console, cluster.target(), java.util.Optional.empty());
    }
}
