package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.quarantine.QuarantineQueries;
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
        subcommands = {QuarantineCommand.List.class, QuarantineCommand.Show.class})
final class QuarantineCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "name a subcommand: list or show");
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
}
