package dev.rapport.cli;

import dev.rapport.demo.Demo;
import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.runtime.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a realistic multi-source company: CRM contacts, ERP customers and orders, email events,",
            "surveys, support tickets, a ground-truth file, and a rapport.yaml that ingests them.",
            "Deterministic for a seed; streams to disk in bounded memory."
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--persons",
            defaultValue = "" + GeneratorConfig.DEFAULT_PERSONS,
            description = "True persons (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        GeneratedCompany company = new CompanyGenerator(new GeneratorConfig(persons, seed, out))
                .generate(done -> console.progress("  " + Console.count(done) + " persons"));
        for (Map.Entry<String, Long> entry : new TreeMap<>(company.records()).entrySet()) {
            console.line(String.format(
                    java.util.Locale.ROOT,
                    "  %-14s %10s records (%s malformed on purpose)",
                    entry.getKey(),
                    Console.count(entry.getValue()),
                    Console.count(company.malformed().getOrDefault(entry.getKey(), 0L))));
        }
        Path config = DemoConfigWriter.write(out.resolve(Demo.CONFIG_FILE), GeneratedSources.sourcesYaml("."), 2);
        console.line("Wrote " + Console.count(company.totalRecords()) + " records to "
                + out.toAbsolutePath().normalize());
        console.line("Ingest them: ./bin/rapport run --config " + config);
        return ExitCodes.OK;
    }
}
