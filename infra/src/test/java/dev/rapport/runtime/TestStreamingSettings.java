package dev.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.StreamingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStreamingSettings {

    @TempDir
    Path dir;

    @Test
    void aFirstRunStartsFreshWithCheckpointsRetained() {
        StreamingConfig streaming =
                new StreamingConfig(Duration.ofSeconds(5), dir.resolve("chk").toString());

        Configuration conf = StreamingSettings.apply(new Configuration(), streaming);

        assertThat(conf.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(dir.resolve("chk").toUri().toString());
        assertThat(conf.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
    }

    @Test
    void aRestartResumesFromTheNewestCompletedCheckpointOfAnyEarlierJob() throws Exception {
        Path root = dir.resolve("chk");
        Path older = checkpoint(root.resolve("job-a/chk-40"), Instant.parse("2024-03-01T10:00:00Z"));
        Path newer = checkpoint(root.resolve("job-b/chk-3"), Instant.parse("2024-03-01T11:00:00Z"));
        Files.createDirectories(root.resolve("job-c/chk-4")); // in progress: no _metadata yet
        Files.createDirectories(root.resolve("job-b/shared"));

        assertThat(StreamingSettings.latestCheckpoint(root.toString())).contains(newer);
        assertThat(StreamingSettings.latestCheckpoint(dir.resolve("none").toString()))
                .isEmpty();
        Configuration conf = StreamingSettings.apply(
                new Configuration(), new StreamingConfig(Duration.ofSeconds(10), root.toString()));
        assertThat(conf.get(StateRecoveryOptions.SAVEPOINT_PATH))
                .isEqualTo(newer.toUri().toString());
        assertThat(older).exists();
    }

    private static Path checkpoint(Path chk, Instant modified) throws Exception {
        Files.createDirectories(chk);
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.from(modified));
        return chk;
    }
}
