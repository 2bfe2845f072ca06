package dev.rapport.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a bounded Rapport job on Flink, in this process (the embedded default) or on a session
 * cluster, printing progress from the job's accumulators while it runs.
 */
public final class EmbeddedRunner {

    private static final Duration POLL = Duration.ofSeconds(1);

    /** Memory for batch sorts of the embedded runtime, outside the heap (measured in BENCHMARKS.md). */
    static final MemorySize EMBEDDED_MANAGED_MEMORY = MemorySize.parse("1g");

    /** The part of it one keyed operator's sorted input may use. */
    static final MemorySize SORTED_INPUTS_MEMORY = MemorySize.parse("512m");

    private final int parallelism;
    private final Console console;
    private final ExecutionTarget target;

    public EmbeddedRunner(int parallelism, Console console) {
        this(parallelism, console, ExecutionTarget.embedded());
    }

    public EmbeddedRunner(int parallelism, Console console, ExecutionTarget target) {
        this.parallelism = parallelism;
        this.console = console;
        this.target = target;
    }

    /** The Flink configuration of an embedded batch job. */
    public Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(PipelineOptions.GENERIC_TYPES, true);
        // The batch sorts (the input of deduplication and other keyed operators) spill to disk once
        // their memory is full; Flink's local defaults of 128 MB spill a few million records many
        // times over. The sorts take their memory from the managed memory, outside the heap.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, EMBEDDED_MANAGED_MEMORY);
        conf.set(ExecutionOptions.SORTED_INPUTS_MEMORY, SORTED_INPUTS_MEMORY);
        return target.apply(conf);
    }

    /**
     * Builds the job with {@code build}, runs it and waits. While it runs, the sum of the
     * accumulators whose names end in {@code progressSuffix} is shown as the count of {@code unit}.
     */
    public JobExecutionResult run(
            String jobName, Consumer<StreamExecutionEnvironment> build, String progressSuffix, String unit)
            throws Exception {
        return run(jobName, configuration(), build, progressSuffix, unit);
    }

    /** As {@link #run(String, Consumer, String, String)}, with the given Flink configuration. */
    public JobExecutionResult run(
            String jobName,
            Configuration configuration,
            Consumer<StreamExecutionEnvironment> build,
            String progressSuffix,
            String unit)
            throws Exception {
        // A cluster target needs the environment that honours execution.target=remote; the embedded
        // one starts a MiniCluster in this process.
        StreamExecutionEnvironment env = target.isEmbedded()
                ? StreamExecutionEnvironment.getExecutionEnvironment(configuration)
                : new StreamExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        build.accept(env);
        Instant start = Instant.now();
        JobClient client = env.executeAsync(jobName);
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        while (true) {
            try {
                JobExecutionResult done = result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                console.line(String.format(
                        java.util.Locale.ROOT,
                        "  %s: done in %s",
                        jobName,
                        Console.seconds(Duration.between(start, Instant.now()))));
                return done;
            } catch (TimeoutException stillRunning) {
                console.progress(String.format(
                        java.util.Locale.ROOT,
                        "  %s: %s%s",
                        jobName,
                        progressSuffix == null ? "" : Console.count(sum(client, progressSuffix)) + " " + unit + ", ",
                        Console.seconds(Duration.between(start, Instant.now()))));
            } catch (InterruptedException stopped) {
                // The caller gave up (a continuous job being stopped): cancel rather than leave it running.
                client.cancel().get(POLL.toMillis() * 30, TimeUnit.MILLISECONDS);
                Thread.currentThread().interrupt();
                throw stopped;
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause() == null ? failed : failed.getCause();
                throw new JobFailedException(jobName, cause);
            }
        }
    }

    private static long sum(JobClient client, String suffix) {
        try {
            Map<String, Object> accumulators = client.getAccumulators().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            return accumulators.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(suffix) && e.getValue() instanceof Number)
                    .mapToLong(e -> ((Number) e.getValue()).longValue())
                    .sum();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt(); // the run loop sees it next and cancels the job
            return 0;
        } catch (Exception notYetAvailable) {
            return 0;
        }
    }
}
