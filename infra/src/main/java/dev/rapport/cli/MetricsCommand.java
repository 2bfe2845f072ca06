package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Computes experience metrics (metrics.nps_daily) over the staged interactions.")
final class MetricsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        return StageCommands.metrics(config.load(), Console.system(), cluster.target());
    }
}
