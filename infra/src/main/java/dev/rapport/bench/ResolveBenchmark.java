package dev.rapport.bench;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.expressions.Expressions;

/**
 * {@code rapport bench resolve}: generates a company, ingests it once, then times the identity job
 * in deterministic-only mode and in full mode (with probabilistic matching) on the same staged
 * records, each as a first run (the identity tables emptied before). Peak heap is sampled every
 * 50 ms in this process, which runs the embedded Flink job.
 */
public final class ResolveBenchmark {

    private ResolveBenchmark() {}

    public static void run(int persons, int parallelism, Path dir, PrintStream out) throws Exception {
        Console console = new Console(out, false);
        GeneratedCompany company =
                new CompanyGenerator(new GeneratorConfig(persons, 42L, dir.resolve("data"))).generate(done -> {});
        Path full =
                DemoConfigWriter.write(dir.resolve("rapport.yaml"), GeneratedSources.sourcesYaml("data"), parallelism);
        String yaml = Files.readString(full, StandardCharsets.UTF_8);
        String deterministicYaml = yaml.replace("identity:\n", "identity:\n  probabilistic: {enabled: false}\n");
        Path deterministic = dir.resolve("rapport-deterministic.yaml");
        Files.writeString(deterministic, deterministicYaml, StandardCharsets.UTF_8);

        RapportConfig fullConfig = RapportConfigLoader.load(full);
        new Pipeline(fullConfig, console).ingest();
        out.printf(
                "persons=%d generated_records=%d parallelism=%d cores=%d max_heap_mb=%d%n",
                persons,
                company.totalRecords(),
                parallelism,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576);
        for (Path config : List.of(deterministic, full)) {
            RapportConfig loaded = RapportConfigLoader.load(config);
            clearIdentityTables(loaded);
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            Instant start = Instant.now();
            IdentityReport report = new Pipeline(loaded, console).resolve();
            Duration elapsed = Duration.between(start, Instant.now());
            sampler.interrupt();
            sampler.join();
            out.printf(
                    "mode=%s records=%d wall_s=%.1f comparisons=%d candidate_pairs=%d links=%d customers=%d"
                            + " largest_cluster=%d peak_heap_mb=%.0f%n",
                    config == full ? "full" : "deterministic",
                    report.records(),
                    elapsed.toMillis() / 1000.0,
                    report.comparisons(),
                    report.candidatePairs(),
                    report.links(),
                    report.customers(),
                    report.largestCluster(),
                    peak.get() / 1048576.0);
        }
    }

    private static void clearIdentityTables(RapportConfig config) {
        try (RapportCatalog catalog = new RapportCatalog(config.catalog())) {
            for (TableDefinition table : List.of(
                    RapportTables.IDENTITY_MAP,
                    RapportTables.CUSTOMER_PROFILE,
                    RapportTables.MATCH_EVIDENCE,
                    RapportTables.IDENTITY_HISTORY)) {
                catalog.ensure(table)
                        .newDelete()
                        .deleteFromRowFilter(Expressions.alwaysTrue())
                        .commit();
            }
        }
    }
}
