package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.identity.job.IdentityJob;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.IngestionJob;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The three stages of Rapport, each a Flink job run in this process on one config. */
public final class Pipeline {

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RapportConfig config;
    private final Console console;
    private final EmbeddedRunner runner;
    private final ExecutionTarget target;

    public Pipeline(RapportConfig config, Console console) {
        this(config, console, ExecutionTarget.embedded());
    }

    public Pipeline(RapportConfig config, Console console, ExecutionTarget target) {
        this.config = requireNonNull(config, "config is null");
        this.console = requireNonNull(console, "console is null");
        this.target = requireNonNull(target, "target is null");
        this.runner = new EmbeddedRunner(config.parallelism(), console, target);
    }

    public IngestionReport ingest() throws Exception {
        if (config.sources().isEmpty()) {
            throw new IllegalStateException(config.file() + ": sources: no source to ingest; add one under 'sources:'");
        }
        if (config.fileSources().isEmpty()) {
            throw new IllegalStateException(config.file() + ": sources: every source is a Kafka topic; read them with"
                    + " 'rapport ingest --stream'");
        }
        if (!config.streamSources().isEmpty()) {
            console.line("  skipping " + config.streamSources().size()
                    + " Kafka source(s): they are read by 'rapport ingest --stream'");
        }
        Instant startedAt = Instant.now();
        String runId = "ingest-" + RUN_ID.format(startedAt);
        List<String> names =
                config.fileSources().stream().map(SourceConfig::name).toList();
        IngestionJob job = new IngestionJob(config.catalog(), config.fileSources(), runId);
        IngestionRunLog log = new IngestionRunLog(config.catalog());
        IngestionReport report;
        try {
            report = IngestionJob.report(runner.run("ingest", job::build, ".read", "records read"));
        } catch (Exception failed) {
            try {
                log.record(runId, "batch", startedAt, Instant.now(), names, null, IngestionRunLog.FAILED);
            } catch (RuntimeException notRecorded) {
                failed.addSuppressed(notRecorded); // the job's failure is the one to report
            }
            throw failed;
        }
        log.record(runId, "batch", startedAt, Instant.now(), names, report, IngestionRunLog.SUCCEEDED);
        return report;
    }

    /**
     * Reads the Kafka sources continuously until the process is stopped, committing to Iceberg at
     * each checkpoint; resumes from the newest checkpoint in {@code streaming.checkpoint_dir}.
     */
    public IngestionReport ingestStream() throws Exception {
        if (config.streamSources().isEmpty()) {
            throw new IllegalStateException(
                    config.file() + ": sources: no Kafka source to stream; add one with" + " format: kafka-json");
        }
        String runId = "stream-" + RUN_ID.format(Instant.now());
        StreamingIngestionJob job = new StreamingIngestionJob(config.catalog(), config.streamSources(), runId);
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

    public IdentityReport resolve() throws Exception {
        IdentityJob job = new IdentityJob(config.catalog(), config.identity(), Instant.now());
        return IdentityJob.report(runner.run("resolve", job::build, null, null));
    }

    public MetricsReport metrics() throws Exception {
        console.progress("  metrics: running");
        Instant start = Instant.now();
        MetricsReport report = new MetricsJob(config.catalog(), config.metrics())
                .run(config.parallelism(), target.apply(new org.apache.flink.configuration.Configuration()));
        console.line("  metrics: done in " + Console.seconds(java.time.Duration.between(start, Instant.now())));
        return report;
    }
}
