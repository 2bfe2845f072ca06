package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.quarantine.QuarantineQueries;
import dev.rapport.runtime.Console;
import dev.rapport.sql.QueryResult;
import dev.rapport.sql.SqlRunner;
import dev.rapport.sql.TableFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "quarantine",
        mixinStandardHelpOptions = true,
        description = "Inspects quarantine.rejected: the records that failed parsing, validation or normalization.",
        subcommands = {QuarantineCommand.List.class, QuarantineCommand.Show.class, QuarantineCommand.Replay.class})
final class QuarantineCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "name a subcommand: list, show or replay");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists rejected records with their location, error code and reason (newest run first).")
    static final class List implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--source", paramLabel = "S", description = "Only the rejects of this source.")
        String source;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default 100).")
        int limit;

        @Override
        public Integer call() throws Exception {
            RapportConfig loaded = config.load();
            if (source != null
                    && loaded.sources().stream().noneMatch(s -> s.name().equals(source))) {
                System.err.println(loaded.file() + ": sources: no source named '" + source + "'");
                return ExitCodes.CONFIG;
            }
            QueryResult result =
                    new SqlRunner(loaded.catalog(), loaded.parallelism()).query(QuarantineQueries.list(source, limit));
            System.out.print(TableFormatter.aligned(result));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows one rejected record: every column, with its raw payload.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--id", required = true, paramLabel = "REJECT_ID", description = "The reject_id to show.")
        String id;

        @Override
        public Integer call() throws Exception {
            RapportConfig loaded = config.load();
            String sql;
            try {
                sql = QuarantineQueries.show(id);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return ExitCodes.FAILED;
            }
            QueryResult result = new SqlRunner(loaded.catalog(), loaded.parallelism()).query(sql);
            if (result.rows().isEmpty()) {
                System.err.println("no rejected record has reject_id " + id);
                return ExitCodes.FAILED;
            }
            for (java.util.List<String> row : result.rows()) {
                for (int i = 0; i < result.columns().size(); i++) {
                    System.out.println(result.columns().get(i) + ": " + (row.get(i) == null ? "" : row.get(i)));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "After fixing a source's mapping: ingests the source's files again with the config as it is now"
                        + " (stored records upsert to the same rows), then removes its rejects of earlier runs from"
                        + " quarantine.rejected. What still fails is rejected again with the current reason.",
                "Only file sources can be replayed (a Kafka topic: reset its consumer offsets)."
            })
    static final class Replay implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        ClusterOption cluster;

        @Option(names = "--source", required = true, paramLabel = "S", description = "The source to replay.")
        String source;

        @Override
        public Integer call() throws Exception {
            RapportConfig loaded = config.load();
            if (loaded.sources().stream().noneMatch(s -> s.name().equals(source))) {
                System.err.println(loaded.file() + ": sources: no source named '" + source + "'");
                return ExitCodes.CONFIG;
            }
            Console console = Console.system();
            console.line("Replaying source '" + source + "'");
            dev.rapport.quarantine.QuarantineReplay.Result result;
            try {
                result = dev.rapport.quarantine.QuarantineReplay.replay(loaded, source, console, cluster.target());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return ExitCodes.CONFIG;
            }
            Summaries.ingestion(console, result.ingestion());
            console.line("  quarantine.rejected for '" + source + "': " + Console.count(result.rejectedBefore())
                    + " before, " + Console.count(result.stillRejected()) + " still rejected, "
                    + Console.count(result.cleared()) + " cleared");
            return ExitCodes.OK;
        }
    }
}
