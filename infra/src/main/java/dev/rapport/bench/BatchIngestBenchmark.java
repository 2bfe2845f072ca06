package dev.rapport.bench;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFormat;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Batch ingestion throughput: the generator's CSV exports (CRM and ERP customers, ERP orders,
 * surveys, support tickets) ingested into {@code staging} by the real pipeline (embedded Flink at the
 * given parallelism, Iceberg upserts), then the same files through {@link ParquetCeiling} with as
 * many threads, in the same process, so the ratio compares like with like on the same machine.
 */
public final class BatchIngestBenchmark {

    private BatchIngestBenchmark() {}

    /** Generates {@code persons} into {@code workDir}, ingests the CSV sources and prints the figures. */
    public static void run(int persons, int parallelism, int runs, Path workDir, boolean generate, PrintStream out)
            throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        Path data = workDir.resolve("data");
        if (generate) {
            long started = System.nanoTime();
            new CompanyGenerator(new GeneratorConfig(persons, 42L, data)).generate();
            out.printf(Locale.ROOT, "generated %,d persons in %.1f s%n", persons, seconds(started));
        }
        Path configFile = DemoConfigWriter.write(
                workDir.resolve("bench-ingest.yaml"), GeneratedSources.sourcesYaml("data"), parallelism);
        RapportConfig loaded = RapportConfigLoader.load(configFile);
        List<SourceConfig> csv = loaded.sources().stream()
                .filter(source -> source.format() == SourceFormat.CSV)
                .toList();
        RapportConfig config = new RapportConfig(
                loaded.file(),
                loaded.catalog(),
                parallelism,
                csv,
                loaded.identity(),
                loaded.metrics(),
                loaded.streaming());

        Run last = null;
        for (int i = 1; i <= runs; i++) {
            last = ingestOnce(config, workDir, out);
            SourceCounts total = last.report().total();
            out.printf(
                    Locale.ROOT,
                    "batch: run=%d/%d%s sources=%d records_read=%d stored=%d deduplicated=%d quarantined=%d"
                            + " parallelism=%d seconds=%.1f records_per_second=%.0f cpu_seconds=%.1f"
                            + " records_per_cpu_second=%.0f peak_heap_used_mb=%.0f peak_rss_mb=%.0f"
                            + " max_heap_mb=%.0f%n",
                    i,
                    runs,
                    i == 1 ? " (cold JVM)" : " (warm JVM)",
                    csv.size(),
                    total.read(),
                    total.stored(),
                    total.deduplicated(),
                    total.quarantined(),
                    parallelism,
                    last.seconds(),
                    last.rate(),
                    last.cpuSeconds(),
                    total.read() / last.cpuSeconds(),
                    last.peakHeapBytes() / 1048576.0,
                    PeakMemory.peakRssBytes() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        SourceCounts total = last.report().total();
        double rate = last.rate();
        double flinkCpuSeconds = last.cpuSeconds();

        long started = System.nanoTime();
        long cpuStarted = PeakMemory.processCpuNanos();
        long written = ParquetCeiling.run(csv, parallelism, workDir.resolve("ceiling"));
        double ceilingSeconds = seconds(started);
        double ceilingCpuSeconds = (PeakMemory.processCpuNanos() - cpuStarted) / 1e9;
        deleteTree(workDir.resolve("ceiling"));

        double ceilingRate = written / ceilingSeconds;
        out.printf(
                Locale.ROOT,
                "ceiling (same files, same mappers, straight to Parquet, %d threads, no Flink): records=%d"
                        + " seconds=%.1f records_per_second=%.0f cpu_seconds=%.1f records_per_cpu_second=%.0f;"
                        + " rapport/ceiling: wall %.2f, per cpu-second %.2f%n",
                parallelism,
                written,
                ceilingSeconds,
                ceilingRate,
                ceilingCpuSeconds,
                written / ceilingCpuSeconds,
                rate / ceilingRate,
                (total.read() / flinkCpuSeconds) / (written / ceilingCpuSeconds));
    }

    /** One ingestion of the CSV sources into fresh tables, timed from submission to the last commit. */
    private static Run ingestOnce(RapportConfig config, Path workDir, PrintStream out) throws Exception {
        deleteTree(workDir.resolve("rapport-data"));
        Files.createDirectories(workDir.resolve("rapport-data"));
        long started = System.nanoTime();
        long cpuStarted = PeakMemory.processCpuNanos();
        try (PeakMemory memory = new PeakMemory()) {
            IngestionReport report = new Pipeline(config, new Console(out, false)).ingest();
            return new Run(
                    report,
                    seconds(started),
                    (PeakMemory.processCpuNanos() - cpuStarted) / 1e9,
                    memory.peakHeapBytes());
        }
    }

    private record Run(IngestionReport report, double seconds, double cpuSeconds, long peakHeapBytes) {
        double rate() {
            return report.total().read() / seconds;
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
