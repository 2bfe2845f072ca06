package dev.rapport.cli;

import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TablesDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "docs",
        mixinStandardHelpOptions = true,
        description = {
            "Writes reference documentation generated from the code.",
            "tables: every table with its grain, key, partitioning, columns and example queries (Markdown).",
            "Example: rapport docs tables --out docs/tables.md"
        })
final class DocsCommand implements Callable<Integer> {

    enum Topic {
        tables
    }

    @Parameters(paramLabel = "TOPIC", description = "What to document: ${COMPLETION-CANDIDATES}.")
    Topic topic;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String text = TablesDoc.render(RapportTables.all());
        if (out == null) {
            System.out.print(text);
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.out.println("wrote " + out + " (" + RapportTables.all().size() + " tables)");
        }
        return ExitCodes.OK;
    }
}
