package dev.rapport.cli;

import dev.rapport.generate.GeneratorBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks; their figures and how they were taken are in BENCHMARKS.md.",
        subcommands = {
            BenchCommand.Generate.class,
            BenchCommand.Ingest.class,
            BenchCommand.Resolve.class,
            BenchCommand.Metrics.class
        })
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Generator throughput: records per second and peak heap, for --persons persons.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--persons", defaultValue = "1000000", description = "Persons (default: ${DEFAULT-VALUE}).")
        int persons;

        @Option(names = "--out", description = "Output folder (default: a temporary folder, deleted afterwards).")
        Path out;

        @Override
        public Integer call() throws IOException {
            boolean temporary = out == null;
            Path dir = temporary ? Files.createTempDirectory("rapport-bench-generate") : out;
            try {
                GeneratorBenchmark.run(persons, dir, System.out);
            } finally {
                if (temporary) {
                    deleteTree(dir);
                }
            }
            return ExitCodes.OK;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Command(
            name = "ingest",
            mixinStandardHelpOptions = true,
            description = {
                "Ingestion throughput and latency (see BENCHMARKS.md):",
                "batch: the generator's CSV exports into staging at --parallelism, records/s and peak memory,"
                        + " beside the same files mapped and written straight to Parquet without Flink;",
                "stream (with --bootstrap-servers): latency from produce to committed-and-visible, p50/p99;"
                        + " with --stream-rate, the sustained rate at which the job drains a backlog of --events,"
                        + " embedded or on a session cluster (--cluster)."
            })
    static final class Ingest implements Callable<Integer> {

        @Option(
                names = "--persons",
                defaultValue = "1155000",
                description = "Persons to generate (default: ${DEFAULT-VALUE}, about 5 million CSV records).")
        int persons;

        @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: 2).")
        int parallelism;

        @Option(
                names = "--workdir",
                description = "Folder for data and tables (default: a temporary folder, deleted afterwards).")
        Path workdir;

        @Option(
                names = "--reuse-data",
                description = "Reuse the data already generated in --workdir instead of generating again.")
        boolean reuseData;

        @Option(
                names = "--runs",
                defaultValue = "1",
                description = "Ingest the files this many times in one process, each into fresh tables (default: 1);"
                        + " the first run compiles Flink's code, later ones show a warm JVM such as a session"
                        + " cluster's TaskManager.")
        int runs;

        @Option(names = "--skip-batch", description = "Run only the streaming benchmark.")
        boolean skipBatch;

        @Option(
                names = "--bootstrap-servers",
                description = "A Kafka broker for the streaming benchmark (it creates its own topic); without it"
                        + " only the batch benchmark runs.")
        String bootstrapServers;

        @Option(names = "--events", defaultValue = "60000", description = "Events to stream (default: 60000).")
        int events;

        @Option(names = "--rate", defaultValue = "2000", description = "Events per second (default: 2000).")
        int rate;

        @Option(
                names = "--stream-rate",
                description = "Measure the streaming job's sustained rate on a backlog of --events produced before it"
                        + " starts, instead of the latency at --rate.")
        boolean streamRate;

        @Option(
                names = "--cluster",
                paramLabel = "HOST:PORT",
                description = "Run the --stream-rate job on this Flink session cluster (its REST endpoint) instead of"
                        + " in this process; the tables stay under --workdir, which the cluster must reach.")
        String cluster;

        @Option(
                names = "--checkpoint-interval-ms",
                defaultValue = "1000",
                description = "Checkpoint interval of the streaming job (default: 1000).")
        long checkpointIntervalMs;

        @Override
        public Integer call() throws Exception {
            boolean temporary = workdir == null;
            Path dir = temporary ? Files.createTempDirectory("rapport-bench-ingest") : workdir;
            try {
                if (!skipBatch) {
                    dev.rapport.bench.BatchIngestBenchmark.run(
                            persons,
                            parallelism,
                            runs,
                            dir,
                            !(reuseData && Files.isDirectory(dir.resolve("data"))),
                            System.out);
                }
                if (bootstrapServers != null && streamRate) {
                    dev.rapport.bench.StreamRateBenchmark.run(
                            bootstrapServers,
                            events,
                            java.time.Duration.ofMillis(checkpointIntervalMs),
                            parallelism,
                            cluster == null
                                    ? dev.rapport.runtime.ExecutionTarget.embedded()
                                    : dev.rapport.runtime.ExecutionTarget.cluster(cluster),
                            dir,
                            System.out);
                } else if (bootstrapServers != null) {
                    dev.rapport.bench.StreamLatencyBenchmark.run(
                            bootstrapServers,
                            events,
                            rate,
                            java.time.Duration.ofMillis(checkpointIntervalMs),
                            parallelism,
                            dir,
                            System.out);
                }
            } finally {
                if (temporary) {
                    Generate.deleteTree(dir);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Identity resolution at scale: wall time, comparisons and peak heap of the identity job on a"
                    + " generated company, deterministic-only and full (probabilistic) on the same staged records.")
    static final class Resolve implements Callable<Integer> {

        @Option(names = "--persons", defaultValue = "100000", description = "Persons (default: ${DEFAULT-VALUE}).")
        int persons;

        @Option(
                names = "--parallelism",
                defaultValue = "2",
                description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(
                names = "--reuse-data",
                description = "Keep the records an earlier run staged in --workdir instead of generating and ingesting"
                        + " again.")
        boolean reuseData;

        @Option(names = "--workdir", description = "Working folder (default: a temporary folder, deleted afterwards).")
        Path workdir;

        @Override
        public Integer call() throws Exception {
            return inWorkdir(
                    workdir,
                    "rapport-bench-resolve",
                    dir -> dev.rapport.bench.ResolveBenchmark.run(persons, parallelism, reuseData, dir, System.out));
        }
    }

    @Command(
            name = "metrics",
            mixinStandardHelpOptions = true,
            description = "The metrics job's wall time and peak memory on about --interactions staged interactions,"
                    + " as a fixed cost plus a cost per million, beside DuckDB answering NPS, email engagement and"
                    + " funnel queries over the same interactions exported to Parquet (see BENCHMARKS.md).")
    static final class Metrics implements Callable<Integer> {

        @Option(
                names = "--interactions",
                defaultValue = "1000000",
                description = "Interactions to generate, about (default: ${DEFAULT-VALUE}).")
        long interactions;

        @Option(
                names = "--parallelism",
                defaultValue = "2",
                description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(names = "--workdir", description = "Working folder (default: a temporary folder, deleted afterwards).")
        Path workdir;

        @Override
        public Integer call() throws Exception {
            return inWorkdir(
                    workdir,
                    "rapport-bench-metrics",
                    dir -> dev.rapport.bench.MetricsBenchmark.run(interactions, parallelism, dir, System.out));
        }
    }

    /** A benchmark's run in its working folder. */
    @FunctionalInterface
    private interface InFolder {
        void run(Path dir) throws Exception;
    }

    /**
     * Runs a benchmark in {@code workdir} (created if missing), or in a new temporary folder
     * deleted afterwards when none is given.
     */
    private static int inWorkdir(Path workdir, String prefix, InFolder bench) throws Exception {
        boolean temporary = workdir == null;
        Path dir = temporary ? Files.createTempDirectory(prefix) : Files.createDirectories(workdir);
        try {
            bench.run(dir);
        } finally {
            if (temporary) {
                Generate.deleteTree(dir);
            }
        }
        return ExitCodes.OK;
    }
}
