package dev.rapport.bench;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.config.SourceKind;
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
 * {@code rapport bench resolve}: generates a company, ingests its customer sources once (with
 * {@code reuse}, keeps what an earlier run of the same working folder staged), then times the identity job
 * in deterministic-only mode and in full mode (with probabilistic matching) on the same staged
 * records, each as a first run (the identity tables emptied before). Peak heap is sampled every
 * 50 ms in this process, which runs the embedded Flink job.
 */
public final class ResolveBenchmark {

    private ResolveBenchmark() {}

    public static void run(int persons, int parallelism, boolean reuse, Path dir, PrintStream out) throws Exception {
        Console console = new Console(out, false);
        Path full = dir.resolve("rapport.yaml");
        Path deterministic = dir.resolve("rapport-deterministic.yaml");
        boolean staged = reuse && Files.exists(full) && Files.exists(deterministic);
        if (!staged) {
            Instant generating = Instant.now();
            GeneratedCompany company =
                    new CompanyGenerator(new GeneratorConfig(persons, 42L, dir.resolve("data"))).generate(done -> {});
            DemoConfigWriter.write(full, GeneratedSources.sourcesYaml("data"), parallelism);
            String yaml = Files.readString(full, StandardCharsets.UTF_8);
            Files.writeString(
                    deterministic,
                    yaml.replace("identity:\n", "identity:\n  probabilistic: {enabled: false}\n"),
                    StandardCharsets.UTF_8);
            out.printf(
                    "persons=%d generated_records=%d generate_s=%.1f%n",
                    persons,
                    company.totalRecords(),
                    Duration.between(generating, Instant.now()).toMillis() / 1000.0);
            // identity resolution reads customer records only: the interaction sources are not ingested
            Instant ingesting = Instant.now();
            new Pipeline(RapportConfigLoader.load(full).withOnlyKind(SourceKind.CUSTOMER), console).ingest();
            out.printf(
                    "ingest_customer_sources_s=%.1f%n",
                    Duration.between(ingesting, Instant.now()).toMillis() / 1000.0);
        } else {
            out.println("reusing the staged records in " + dir);
        }
        out.printf(
                "parallelism=%d cores=%d max_heap_mb=%d%n",
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
