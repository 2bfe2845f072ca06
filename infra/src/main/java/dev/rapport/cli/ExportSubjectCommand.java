package dev.rapport.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rapport.config.RapportConfig;
import dev.rapport.privacy.Subject;
import dev.rapport.privacy.SubjectExporter;
import dev.rapport.privacy.SubjectFinder;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.RapportCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "export-subject",
        mixinStandardHelpOptions = true,
        description = {
            "The right of access: writes everything Rapport holds on one person (source",
            "records, identity rows, events, metrics rows naming them, alerts, quarantined",
            "payloads with their email) to a JSON file, grouped by table. The person is",
            "found as 'rapport forget' finds them (docs/privacy.md). The file holds",
            "personal data: hand it over securely."
        })
final class ExportSubjectCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @ArgGroup(multiplicity = "1")
    PersonOption person;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Where to write the JSON.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RapportConfig loaded = config.load();
        Console console = Console.system();
        Map<String, List<Map<String, Object>>> tables;
        Subject subject;
        try (RapportCatalog catalog = new RapportCatalog(loaded.catalog())) {
            console.line("  finding the person's records, customers and events");
            SubjectFinder finder = new SubjectFinder(catalog);
            try {
                subject = person.email != null ? finder.byEmail(person.email) : finder.byCustomer(person.customer);
            } catch (IllegalArgumentException e) {
                System.err.println("Error: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            console.line("  reading every table");
            tables = new SubjectExporter(catalog).export(subject);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exported_at", Instant.now().toString());
        document.put("subject", SubjectExporter.header(subject));
        document.put("tables", tables);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
        long rows = tables.values().stream().mapToLong(List::size).sum();
        for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
            console.line(String.format(
                    Locale.ROOT,
                    "    %-30s %8s row(s)",
                    table.getKey(),
                    Console.count(table.getValue().size())));
        }
        console.line("  " + Console.count(rows) + " row(s) from " + tables.size() + " table(s) written to " + out);
        if (rows == 0) {
            console.line("  nothing is held on this person");
        }
        return ExitCodes.OK;
    }
}
