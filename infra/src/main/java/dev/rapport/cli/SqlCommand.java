package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.sql.QueryResult;
import dev.rapport.sql.SqlRunner;
import dev.rapport.sql.TableFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one SQL query (Flink SQL, batch) on Rapport's tables and prints the result.",
            "Tables: staging.customer_records, staging.interactions, quarantine.rejected,",
            "`identity`.identity_map, `identity`.customer_profile, metrics.nps_daily",
            "(IDENTITY is a reserved word in Flink SQL: quote it with backticks).",
            "Example: rapport sql --config rapport-demo/rapport.yaml \"SELECT * FROM metrics.nps_daily LIMIT 10\""
        })
final class SqlCommand implements Callable<Integer> {

    enum Format {
        table,
        csv
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "table", description = "table (aligned, the default) or csv.")
    Format format;

    @Parameters(paramLabel = "QUERY", description = "The SQL query, in quotes.")
    String query;

    @Override
    public Integer call() throws Exception {
        RapportConfig loaded = config.load();
        QueryResult result;
        try {
            result = new SqlRunner(loaded.catalog(), loaded.parallelism()).query(query);
        } catch (org.apache.flink.table.api.ValidationException | org.apache.flink.table.api.SqlParserException e) {
            System.err.println("SQL error: " + e.getMessage());
            if (query.matches("(?is).*(?<![`\\w])identity\\s*\\..*")) {
                System.err.println(
                        "Hint: IDENTITY is a reserved word in Flink SQL; quote the namespace: `identity`.customer_profile");
            }
            System.err.println("Tables: "
                    + dev.rapport.schemas.table.RapportTables.all().stream()
                            .map(dev.rapport.schemas.table.TableDefinition::qualifiedName)
                            .collect(java.util.stream.Collectors.joining(", ")));
            return ExitCodes.FAILED;
        }
        System.out.print(format == Format.csv ? TableFormatter.csv(result) : TableFormatter.aligned(result));
        return ExitCodes.OK;
    }
}
