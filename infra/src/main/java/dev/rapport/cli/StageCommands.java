package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.ExecutionTarget;
import dev.rapport.runtime.Pipeline;

/** Runs stages of the pipeline on a user's config. */
final class StageCommands {

    private StageCommands() {}

    static int ingest(RapportConfig config, Console console, ExecutionTarget target) throws Exception {
        console.line("Ingesting " + config.sources().size() + " sources");
        Summaries.ingestion(console, new Pipeline(config, console, target).ingest());
        return ExitCodes.OK;
    }

    static int ingestStream(RapportConfig config, Console console, ExecutionTarget target) throws Exception {
        console.line("Streaming " + config.streamSources().size() + " Kafka sources (checkpoint every "
                + config.streaming().checkpointInterval().toMillis() + " ms; stop with Ctrl-C)");
        Summaries.ingestion(console, new Pipeline(config, console, target).ingestStream());
        return ExitCodes.OK;
    }

    static int alerts(RapportConfig config, Console console, ExecutionTarget target) throws Exception {
        console.line("Watching survey responses for detractors (checkpoint every "
                + config.streaming().checkpointInterval().toMillis() + " ms; stop with Ctrl-C)");
        new Pipeline(config, console, target).alerts();
        return ExitCodes.OK;
    }

    static int resolve(RapportConfig config, Console console, ExecutionTarget target) throws Exception {
        return resolve(config, console, target, config.identity().incremental());
    }

    static int resolve(RapportConfig config, Console console, ExecutionTarget target, boolean incremental)
            throws Exception {
        console.line(incremental ? "Resolving identities incrementally" : "Resolving identities");
        Summaries.identity(console, new Pipeline(config, console, target).resolve(incremental));
        return ExitCodes.OK;
    }

    static int metrics(RapportConfig config, Console console, ExecutionTarget target) throws Exception {
        console.line("Computing metrics");
        Summaries.metrics(console, new Pipeline(config, console, target).metrics());
        return ExitCodes.OK;
    }

    static int feed(
            RapportConfig config, Console console, ExecutionTarget target, java.util.Optional<java.time.LocalDate> asOf)
            throws Exception {
        console.line("Building the personalization feed and survey invitations");
        Summaries.feed(console, new Pipeline(config, console, target).feed(asOf));
        return ExitCodes.OK;
    }
}
