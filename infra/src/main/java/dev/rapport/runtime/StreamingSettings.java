package dev.rapport.runtime;

import dev.rapport.ingest.config.StreamingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * The Flink configuration of the embedded continuous ingestion job: STREAMING mode, exactly-once
 * checkpoints at the configured interval, kept in the configured folder after the job ends, and a
 * start from the newest checkpoint found there, so stopping {@code rapport ingest --stream} and
 * starting it again neither loses nor repeats a record.
 */
public final class StreamingSettings {

    private StreamingSettings() {}

    /** Adds the streaming settings to {@code base} (the embedded batch configuration). */
    public static Configuration apply(Configuration base, StreamingConfig streaming) {
        Configuration conf = new Configuration(base);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, streaming.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(streaming.checkpointDir()));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
        // A transient failure (a broker restart) restarts the job from its last checkpoint.
        conf.setString("restart-strategy.type", "exponential-delay");
        latestCheckpoint(streaming.checkpointDir())
                .ifPresent(path -> conf.set(
                        StateRecoveryOptions.SAVEPOINT_PATH, path.toUri().toString()));
        return conf;
    }

    /**
     * The newest completed checkpoint under {@code dir} ({@code <job id>/chk-<n>} folders holding a
     * {@code _metadata} file), if any. Only local folders are searched.
     */
    public static Optional<Path> latestCheckpoint(String dir) {
        if (dir.contains("://")) {
            return Optional.empty();
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(root)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(StreamingSettings::checkpoints)
                    .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
                    .max(Comparator.comparing(StreamingSettings::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    private static Stream<Path> checkpoints(Path job) {
        try (Stream<Path> children = Files.list(job)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path chk) {
        try {
            return Files.getLastModifiedTime(chk.resolve("_metadata"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uri(String dir) {
        return dir.contains("://") ? dir : Path.of(dir).toUri().toString();
    }
}
