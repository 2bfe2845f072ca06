package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.identity.job.IdentityJob;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.CursorRange;
import dev.rapport.ingest.job.IngestionJob;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.JdbcCursors;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.metrics.feed.FeedJob;
import dev.rapport.metrics.feed.FeedReport;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.flink.api.common.JobExecutionResult;

/** The three stages of Rapport, each a Flink job run in this process on one config. */
public final class Pipeline {

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RapportConfig config;
    private final Console console;
    private final EmbeddedRunner runner;
    private final ExecutionTarget target;
    private final JobRunLog runs;
    private final FailedRunCleanup cleanup;

    public Pipeline(RapportConfig config, Console console) {
        this(config, console, ExecutionTarget.embedded());
    }

    public Pipeline(RapportConfig config, Console console, ExecutionTarget target) {
        this.config = requireNonNull(config, "config is null");
        this.console = requireNonNull(console, "console is null");
        this.target = requireNonNull(target, "target is null");
        this.runner = new EmbeddedRunner(config.parallelism(), console, target);
        this.runs = new JobRunLog(config.catalog());
        this.cleanup =
                new FailedRunCleanup(config.catalog(), !config.streamSources().isEmpty(), console);
    }

    public IngestionReport ingest() throws Exception {
        if (config.sources().isEmpty()) {
            throw new IllegalStateException(config.file() + ": sources: no source to ingest; add one under 'sources:'");
        }
        if (config.fileSources().isEmpty()) {
            throw new IllegalStateException(config.file() + ": sources: every source is a Kafka topic or a watched"
                    + " folder (mode: watch); read them with 'rapport ingest --stream'");
        }
        createEveryTable();
        if (!config.streamSources().isEmpty()) {
            console.line("  skipping " + config.streamSources().size()
                    + " streaming source(s) (Kafka, mode: watch): they are read by 'rapport ingest --stream'");
        }
        Instant startedAt = Instant.now();
        String runId = "ingest-" + RUN_ID.format(startedAt);
        List<String> names =
                config.fileSources().stream().map(SourceConfig::name).toList();
        IngestionCursorStore cursors = new IngestionCursorStore(config.catalog());
        Map<String, CursorRange> ranges = new LinkedHashMap<>();
        for (SourceConfig source : config.fileSources()) {
            if (source.jdbc() != null && source.jdbc().cursor() != null) {
                CursorRange range = JdbcCursors.plan(
                        source,
                        cursors.last(source.name(), source.jdbc().cursor()).orElse(null));
                ranges.put(source.name(), range);
                console.line("  " + source.name() + ": rows with " + range.cursorColumn()
                        + (range.lower() == null ? "" : " > " + range.lower())
                        + (range.upper() == null ? " (the table is empty)" : " up to " + range.upper()));
            }
        }
        dev.rapport.ingest.suppress.Suppressions suppressions = suppressions();
        IngestionJob job = new IngestionJob(config.catalog(), config.fileSources(), runId, ranges, suppressions);
        IngestionRunLog log = new IngestionRunLog(config.catalog());
        IngestionReport report;
        try {
            report = IngestionJob.report(runner.run("ingest", job::build, ".read", "records read"));
        } catch (Exception failed) {
            try {
                Instant endedAt = Instant.now();
                cleanup.clean("ingest", startedAt, endedAt);
                log.record(runId, "batch", startedAt, endedAt, names, null, IngestionRunLog.FAILED);
                runs.record(JobRunLog.Run.failed(runId, "ingest", startedAt, failed));
            } catch (RuntimeException notRecorded) {
                failed.addSuppressed(notRecorded); // the job's failure is the one to report
            }
            throw failed;
        }
        cursors.record(runId, startedAt, ranges);
        log.record(runId, "batch", startedAt, Instant.now(), names, report, IngestionRunLog.SUCCEEDED);
        Map<String, Long> read = new LinkedHashMap<>();
        names.forEach(name -> read.put(name, report.source(name).read()));
        runs.record(JobRunLog.Run.succeeded(
                runId,
                "ingest",
                startedAt,
                read,
                Map.of(
                        "stored", report.total().stored(),
                        "deduplicated", report.total().deduplicated(),
                        "quarantined", report.total().quarantined(),
                        "suppressed", report.total().suppressed())));
        return report;
    }

    /**
     * Reads the Kafka sources continuously until the process is stopped, committing to Iceberg at
     * each checkpoint; resumes from the newest checkpoint in {@code streaming.checkpoint_dir}.
     */
    public IngestionReport ingestStream() throws Exception {
        if (config.streamSources().isEmpty()) {
            throw new IllegalStateException(
                    config.file() + ": sources: no source to stream; add one with format: kafka-json or a file"
                            + " source with mode: watch");
        }
        String runId = "stream-" + RUN_ID.format(Instant.now());
        StreamingIngestionJob job =
                new StreamingIngestionJob(config.catalog(), config.streamSources(), runId, suppressions());
        StreamingSettings.latestCheckpoint(config.streaming().checkpointDir())
                .ifPresent(chk -> console.line("  resuming from checkpoint " + chk.getFileName()));
        return IngestionJob.report(runner.run(
                "ingest --stream",
                StreamingSettings.apply(runner.configuration(), config.streaming()),
                job::build,
                ".read",
                "records read"));
    }

    /**
     * Runs the closed loop ({@code metrics.alerts}) until stopped: detractors' survey responses from
     * Kafka into {@code feeds.alerts}, checkpointed under the streaming checkpoint folder's {@code
     * alerts} subfolder (its own, so it never resumes from the ingestion job's checkpoints).
     */
    public void alerts() throws Exception {
        dev.rapport.metrics.alert.AlertsConfig alerts = config.metrics()
                .alerts()
                .orElseThrow(() -> new IllegalStateException(
                        config.file() + ": metrics.alerts: not configured; add bootstrap_servers and topic"));
        dev.rapport.ingest.config.StreamingConfig streaming = new dev.rapport.ingest.config.StreamingConfig(
                config.streaming().checkpointInterval(), config.streaming().checkpointDir() + "/alerts");
        StreamingSettings.latestCheckpoint(streaming.checkpointDir())
                .ifPresent(chk -> console.line("  resuming from checkpoint " + chk.getFileName()));
        dev.rapport.metrics.alert.AlertsJob job = new dev.rapport.metrics.alert.AlertsJob(config.catalog(), alerts);
        runner.run("alerts", StreamingSettings.apply(runner.configuration(), streaming), job::build, null, null);
    }

    /** A full or incremental resolution, as {@code identity.incremental} says. */
    public IdentityReport resolve() throws Exception {
        return resolve(config.identity().incremental());
    }

    /**
     * @param incremental match only what changed since the previous resolution (see {@link IdentityJob});
     *     falls back to a full run, and says why, when it cannot
     */
    public IdentityReport resolve(boolean incremental) throws Exception {
        return recorded(
                "resolve",
                () -> {
                    IdentityJob job = new IdentityJob(config.catalog(), config.identity(), Instant.now(), incremental);
                    JobExecutionResult result = runner.run("resolve", job::build, null, null);
                    job.fullRunReason()
                            .ifPresent(reason -> console.line(
                                    "  incremental resolution not possible (" + reason + "); resolved everything"));
                    return IdentityJob.report(result);
                },
                report -> Map.of("staging.customer_records", report.records()),
                Pipeline::resolveOutputs);
    }

    /** The measures of a resolve run in {@code ops.job_runs.outputs}; {@code customers_of_size_3-5} and so on per size class. */
    static Map<String, Long> resolveOutputs(IdentityReport report) {
        Map<String, Long> outputs = new java.util.LinkedHashMap<>();
        outputs.put("customers", report.customers());
        outputs.put("links", report.links());
        outputs.put("matched_records", report.matchedRecords());
        outputs.put("largest_cluster", (long) report.largestCluster());
        outputs.put("comparisons", report.comparisons());
        outputs.put("candidate_blocks_windowed", report.candidateBlocksWindowed());
        outputs.put("candidate_blocks_over_cap", report.candidateBlocksOverCap());
        outputs.put("refused_links", report.refusedLinks());
        outputs.put("oversized_links", report.oversizedLinks());
        outputs.put("deleted_records", report.deletedRecords());
        outputs.put("changed_records", report.changedRecords());
        outputs.put("blocks_linked", report.blocksLinked());
        for (IdentityReport.SizeClassCount sizeClass : report.clusterSizes()) {
            outputs.put("customers_of_size_" + sizeClass.sizes(), sizeClass.customers());
        }
        return outputs;
    }

    public MetricsReport metrics() throws Exception {
        console.progress("  metrics: running");
        Instant start = Instant.now();
        MetricsReport report = recorded(
                "metrics",
                () -> new MetricsJob(config.catalog(), config.metrics())
                        .run(config.parallelism(), target.apply(new org.apache.flink.configuration.Configuration())),
                done -> Map.of(),
                MetricsReport::tables);
        console.line("  metrics: done in " + Console.seconds(java.time.Duration.between(start, Instant.now())));
        return report;
    }

    /**
     * The personalization feed and survey invitations, then the exports to the configured
     * destinations; {@code asOf} overrides the day the feed describes.
     */
    public FeedReport feed(java.util.Optional<java.time.LocalDate> asOf) throws Exception {
        console.progress("  feed: running");
        Instant start = Instant.now();
        FeedReport report = recorded(
                "feed",
                () -> new FeedJob(config.catalog(), config.feed(), asOf)
                        .run(config.parallelism(), target.apply(new org.apache.flink.configuration.Configuration())),
                done -> Map.of(),
                done -> Map.of(
                        "feeds.personalization", done.customers(),
                        "feeds.survey_invitations", done.invitationCount()));
        console.line("  feed: done in " + Console.seconds(java.time.Duration.between(start, Instant.now())));
        return report;
    }

    /**
     * Runs a job and records the run in {@code ops.job_runs}, also when it fails; a failed run's
     * uncommitted files are removed first, so a rerun leaves no orphans.
     */
    private <T> T recorded(
            String job, Callable<T> run, Function<T, Map<String, Long>> inputs, Function<T, Map<String, Long>> outputs)
            throws Exception {
        Instant startedAt = Instant.now();
        String runId = job + "-" + RUN_ID.format(startedAt);
        T result;
        try {
            result = run.call();
        } catch (Exception failed) {
            try {
                cleanup.clean(job, startedAt, Instant.now());
                runs.record(JobRunLog.Run.failed(runId, job, startedAt, failed));
            } catch (RuntimeException notRecorded) {
                failed.addSuppressed(notRecorded); // the job's failure is the one to report
            }
            throw failed;
        }
        runs.record(JobRunLog.Run.succeeded(runId, job, startedAt, inputs.apply(result), outputs.apply(result)));
        return result;
    }

    /**
     * Creates every table Rapport writes that does not exist yet (empty), so BI tools and other
     * engines see the whole schema from the first run on, also tables only some jobs write.
     */
    /** People who asked to be forgotten (ops.suppressions); their salt must be set when there are any. */
    private dev.rapport.ingest.suppress.Suppressions suppressions() {
        dev.rapport.ingest.suppress.Suppressions suppressions =
                new dev.rapport.privacy.SuppressionStore(config.catalog()).load(System.getenv());
        if (!suppressions.isEmpty()) {
            console.line("  skipping the records of forgotten people (" + suppressions.size()
                    + " suppression hashes in ops.suppressions)");
        }
        return suppressions;
    }

    private void createEveryTable() {
        try (dev.rapport.schemas.table.RapportCatalog tables =
                new dev.rapport.schemas.table.RapportCatalog(config.catalog())) {
            dev.rapport.schemas.table.RapportTables.all().forEach(tables::ensure);
        }
    }
}
