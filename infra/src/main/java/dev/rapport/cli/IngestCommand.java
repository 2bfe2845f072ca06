package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingests every configured file source into staging.* (bad records into quarantine.rejected);"
                + " with --stream, reads the Kafka sources continuously instead.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Option(
            names = "--stream",
            description = "Read the Kafka sources (format: kafka-json) continuously, committing at each checkpoint,"
                    + " until stopped; a restart resumes from the newest checkpoint.")
    boolean stream;

    @Override
    public Integer call() throws Exception {
        return stream
                ? StageCommands.ingestStream(config.load(), Console.system(), cluster.target())
                : StageCommands.ingest(config.load(), Console.system(), cluster.target());
    }
}
