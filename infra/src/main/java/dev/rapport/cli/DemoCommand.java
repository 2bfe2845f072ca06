package dev.rapport.cli;

import dev.rapport.demo.Demo;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.report.ReportFile;
import dev.rapport.runtime.Console;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a realistic multi-source company, ingests it into Iceberg, resolves customers,",
            "computes NPS, writes the HTML report (report.html) and prints a summary. Everything lands",
            "under --workdir; rerunning on the same workdir leaves the same rows."
        })
final class DemoCommand implements Callable<Integer> {

    static final String REPORT_FILE = "report.html";

    @Option(
            names = "--workdir",
            defaultValue = "rapport-demo",
            description = "Folder for data, config and tables (default: ${DEFAULT-VALUE}).")
    Path workdir;

    @Option(
            names = "--persons",
            defaultValue = "" + GeneratorConfig.DEFAULT_PERSONS,
            description = "True persons to generate (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        Demo.Result result = new Demo(workdir, persons, seed, parallelism, console).run();
        console.line("");
        console.line("Summary");
        Summaries.ingestion(console, result.ingestion());
        Summaries.identity(console, result.identity());
        console.line("  (the generator made " + Console.count(result.company().persons())
                + " true persons; its answer key is "
                + workdir.resolve(Demo.DATA_DIR).resolve("ground_truth.csv") + ")");
        Summaries.metrics(console, result.metrics());
        Summaries.feed(console, result.feed());
        console.line("  tables: " + result.config().catalog().warehouse() + " (catalog "
                + result.config().catalog().uri() + ")");
        console.line("");
        ReportFile.Written report =
                ReportFile.write(result.config().catalog(), parallelism, workdir.resolve(REPORT_FILE), console);
        ReportCommand.summary(console, report);
        console.line("");
        console.line("Query them:");
        console.line("  ./bin/rapport sql --config " + result.configFile()
                + " \"SELECT * FROM metrics.nps_daily ORDER BY day DESC LIMIT 10\"");
        return ExitCodes.OK;
    }
}
