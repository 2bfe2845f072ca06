package dev.rapport.demo;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.metrics.feed.FeedReport;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import java.nio.file.Path;

/**
 * The whole of Rapport on one generated company: generate the exports, write a config for them,
 * ingest, resolve, compute metrics.
 */
public final class Demo {

    public static final String CONFIG_FILE = "rapport.yaml";
    public static final String DATA_DIR = "data";

    private final Path workdir;
    private final int persons;
    private final long seed;
    private final int parallelism;
    private final Console console;

    public Demo(Path workdir, int persons, long seed, int parallelism, Console console) {
        this.workdir =
                requireNonNull(workdir, "workdir is null").toAbsolutePath().normalize();
        this.persons = persons;
        this.seed = seed;
        this.parallelism = parallelism;
        this.console = requireNonNull(console, "console is null");
    }

    /** What one demo run produced. */
    public record Result(
            Path configFile,
            RapportConfig config,
            GeneratedCompany company,
            IngestionReport ingestion,
            IdentityReport identity,
            MetricsReport metrics,
            FeedReport feed) {}

    public Result run() throws Exception {
        console.line("Generating a company of " + Console.count(persons) + " persons (seed " + seed + ")");
        GeneratedCompany company = new CompanyGenerator(new GeneratorConfig(persons, seed, workdir.resolve(DATA_DIR)))
                .generate(done -> console.progress("  generate: " + Console.count(done) + " persons"));
        console.line("  generate: " + Console.count(company.totalRecords()) + " records in "
                + company.files().size() + " files");
        Path configFile = DemoConfigWriter.write(
                workdir.resolve(CONFIG_FILE), GeneratedSources.sourcesYaml(DATA_DIR), parallelism);
        RapportConfig config = RapportConfigLoader.load(configFile);
        Pipeline pipeline = new Pipeline(config, console);
        console.line("Ingesting " + config.sources().size() + " sources");
        IngestionReport ingestion = pipeline.ingest();
        console.line("Resolving identities");
        IdentityReport identity = pipeline.resolve();
        console.line("Computing metrics");
        MetricsReport metrics = pipeline.metrics();
        console.line("Building the personalization feed");
        FeedReport feed = pipeline.feed(java.util.Optional.empty());
        return new Result(configFile, config, company, ingestion, identity, metrics, feed);
    }
}
