package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "The closed loop: reads survey responses from the Kafka topic of metrics.alerts continuously and"
                + " writes each NPS detractor, with the customer and their open tickets, to feeds.alerts (exactly"
                + " once, at each checkpoint) until stopped; a restart resumes from the newest checkpoint.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        return StageCommands.alerts(config.load(), Console.system(), cluster.target());
    }
}
