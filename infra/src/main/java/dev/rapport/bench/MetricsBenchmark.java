package dev.rapport.bench;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.crosscheck.DuckDbMetrics;
import dev.rapport.crosscheck.ParquetExport;
import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.metrics.nps.NpsDailyStatements;
import dev.rapport.metrics.statement.MetricStatements;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportTables;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code rapport bench metrics}: the metrics job's wall time and peak memory on about N staged
 * interactions, split into a fixed cost (the same job on a tiny company: MiniCluster start, SQL
 * planning, commits) and a cost per million interactions; then the NPS, email engagement and
 * funnel tables alone, computed by Rapport's statements in one job, and by DuckDB ({@link
 * DuckDbMetrics}) over the same interactions and journey stages exported to Parquet (through
 * Iceberg's reader), each on both companies, so that both have a fixed cost and a cost per million
 * (medians of {@link #RUNS} runs). Data is generated (seed 42), ingested and resolved
 * (deterministic rules) first; only the metrics jobs and the DuckDB queries are timed.
 */
public final class MetricsBenchmark {

    /** Staged interactions per generated person, about (the generator's mix). */
    private static final double INTERACTIONS_PER_PERSON = 4.3;

    private static final int TINY_PERSONS = 100;

    /** Runs of the three-table job and of each DuckDB query; the median counts. */
    private static final int RUNS = 3;

    private MetricsBenchmark() {}

    public static void run(long interactions, int parallelism, Path dir, PrintStream out) throws Exception {
        int persons = (int) Math.max(TINY_PERSONS, Math.round(interactions / INTERACTIONS_PER_PERSON));
        out.printf(
                Locale.ROOT,
                "persons=%d (for about %d interactions) parallelism=%d cores=%d max_heap_mb=%d%n",
                persons,
                interactions,
                parallelism,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576);
        RapportConfig tiny = prepare(dir.resolve("tiny"), TINY_PERSONS, parallelism, out);
        RapportConfig large = prepare(dir.resolve("large"), persons, parallelism, out);

        Run fixed = timeMetrics("tiny", tiny, dir.resolve("tiny"), out);
        Run measured = timeMetrics("large", large, dir.resolve("large"), out);
        double oursPerMillion = (measured.seconds - fixed.seconds) / (measured.rows - fixed.rows) * 1e6;
        // The same three tables DuckDB computes below, alone: Rapport's own statements for NPS (all
        // segments 'unknown', as DuckDB's query sums over them), email engagement and the funnel
        // (from the journey stages the full run stored, as DuckDB reads them), as one job.
        double fixedQueries = timeQueries("tiny", tiny, fixed.rows, out);
        double measuredQueries = timeQueries("large", large, measured.rows, out);
        double queriesPerMillion = (measuredQueries - fixedQueries) / (measured.rows - fixed.rows) * 1e6;

        double duckFixed = timeDuckDb("tiny", tiny, dir.resolve("tiny"), out);
        double duckSeconds = timeDuckDb("large", large, dir.resolve("large"), out);
        double duckPerMillion = (duckSeconds - duckFixed) / (measured.rows - fixed.rows) * 1e6;
        out.printf(
                Locale.ROOT,
                "metrics job: fixed cost %.1f s (%d interactions), %.1f s on %d interactions; per million"
                        + " interactions beyond the fixed cost: %.1f s%n",
                fixed.seconds,
                fixed.rows,
                measured.seconds,
                measured.rows,
                oursPerMillion);
        out.printf(
                Locale.ROOT,
                "the same 3 tables alone (nps_daily, email_engagement, stage_transitions): fixed cost %.1f s,"
                        + " %.1f s on %d interactions; per million interactions beyond the fixed cost: %.2f s%n",
                fixedQueries,
                measuredQueries,
                measured.rows,
                queriesPerMillion);
        out.printf(
                Locale.ROOT,
                "duckdb (3 queries, single process, no writes): fixed cost %.3f s, %.3f s on %d interactions, %.3f s"
                        + " per million interactions beyond the fixed cost; ratio ours / duckdb per million: %.1f for the"
                        + " 3 tables, %.0f for the whole job%n",
                duckFixed,
                duckSeconds,
                measured.rows,
                duckPerMillion,
                queriesPerMillion / duckPerMillion,
                oursPerMillion / duckPerMillion);
    }

    private static double timeQueries(String name, RapportConfig config, long rows, PrintStream out) {
        MetricsConfig metrics = config.metrics();
        MetricStatements statements = new MetricStatements(metrics);
        List<String> inserts = List.of(
                new NpsDailyStatements().insertOverwrite(metrics, false),
                statements.inserts(false).stream()
                        .filter(statement -> statement.table().equals(RapportTables.EMAIL_ENGAGEMENT))
                        .findFirst()
                        .orElseThrow()
                        .insert(),
                statements.stageTransitionsInsert().insert());
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            long start = System.nanoTime();
            new MetricsJob(config.catalog(), metrics).runStatements(config.parallelism(), inserts);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        out.printf(
                Locale.ROOT,
                "nps_daily, email_engagement, stage_transitions %s: %d interactions, wall %s s, median %.2f s%n",
                name,
                rows,
                seconds(seconds, "%.2f"),
                median(seconds));
        return median(seconds);
    }

    /**
     * DuckDB's seconds for the three queries over this company's interactions and journey stages,
     * exported to Parquet: the sum of each query's median of {@link #RUNS} runs.
     */
    private static double timeDuckDb(String name, RapportConfig config, Path dir, PrintStream out) throws Exception {
        long exportStart = System.nanoTime();
        Path parquet = dir.resolve("interactions.parquet");
        Path stages = dir.resolve("journey_stages.parquet");
        long rows = ParquetExport.export(config.catalog(), RapportTables.INTERACTIONS, parquet);
        ParquetExport.export(config.catalog(), RapportTables.JOURNEY_STAGES, stages);
        out.printf(
                Locale.ROOT,
                "export %s: %d interactions to Parquet (with journey_stages) in %.1f s, %.1f MB%n",
                name,
                rows,
                (System.nanoTime() - exportStart) / 1e9,
                Files.size(parquet) / 1048576.0);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("nps_daily", DuckDbMetrics.NPS_DAILY);
        queries.put("email_engagement", DuckDbMetrics.EMAIL_ENGAGEMENT);
        queries.put("stage_transitions", DuckDbMetrics.STAGE_TRANSITIONS);
        double total = 0;
        try (DuckDbMetrics duckdb = DuckDbMetrics.over(parquet, stages)) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                double[] seconds = new double[RUNS];
                int results = 0;
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    results = duckdb.query(query.getValue()).size();
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
                total += median(seconds);
                out.printf(
                        Locale.ROOT,
                        "duckdb %s: %s %d rows in %s s, median %.3f s%n",
                        name,
                        query.getKey(),
                        results,
                        seconds(seconds, "%.3f"),
                        median(seconds));
            }
        }
        return total;
    }

    private static String seconds(double[] values, String format) {
        return Arrays.stream(values)
                .mapToObj(value -> String.format(Locale.ROOT, format, value))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private record Run(double seconds, long rows) {}

    private static RapportConfig prepare(Path dir, int persons, int parallelism, PrintStream out) throws Exception {
        Console console = new Console(out, false);
        GeneratedCompany company =
                new CompanyGenerator(new GeneratorConfig(persons, 42L, dir.resolve("data"))).generate(done -> {});
        Path config =
                DemoConfigWriter.write(dir.resolve("rapport.yaml"), GeneratedSources.sourcesYaml("data"), parallelism);
        String yaml = Files.readString(config, StandardCharsets.UTF_8);
        Files.writeString(
                config,
                yaml.replace("identity:\n", "identity:\n  probabilistic: {enabled: false}\n"),
                StandardCharsets.UTF_8);
        RapportConfig loaded = RapportConfigLoader.load(config);
        Pipeline pipeline = new Pipeline(loaded, console);
        pipeline.ingest();
        pipeline.resolve();
        out.printf(Locale.ROOT, "prepared %d persons, %d generated records%n", persons, company.totalRecords());
        return loaded;
    }

    private static Run timeMetrics(String name, RapportConfig config, Path dir, PrintStream out) throws Exception {
        long rows = ParquetExport.export(config.catalog(), RapportTables.INTERACTIONS, dir.resolve("count.parquet"));
        Files.delete(dir.resolve("count.parquet"));
        System.gc();
        MetricsReport report;
        long start = System.nanoTime();
        long peakHeap;
        try (PeakMemory memory = new PeakMemory()) {
            report = new Pipeline(config, new Console(out, false)).metrics();
            peakHeap = memory.peakHeapBytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                Locale.ROOT,
                "metrics %s: %d interactions, %d rows written, wall %.1f s, peak heap %.0f MB, peak RSS so far %.0f MB%n",
                name,
                rows,
                report.rowsWritten(),
                seconds,
                peakHeap / 1048576.0,
                PeakMemory.peakRssBytes() / 1048576.0);
        return new Run(seconds, rows);
    }
}
