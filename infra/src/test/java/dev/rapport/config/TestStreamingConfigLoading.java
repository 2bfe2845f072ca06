package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStreamingConfigLoading {

    @TempDir
    Path dir;

    private static final String SOURCES = "sources:\n"
            + "  - name: crm\n"
            + "    kind: customer\n"
            + "    format: csv\n"
            + "    path: crm.csv\n"
            + "    mapping: {source_id: Id}\n"
            + "  - name: esp\n"
            + "    kind: interaction\n"
            + "    format: kafka-json\n"
            + "    bootstrap_servers: localhost:9092\n"
            + "    topic: email-events\n"
            + "    mapping: {source_event_id: id, event_type: type, event_time: ts}\n";

    private RapportConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("crm.csv"), "Id\n1\n");
        Path config = dir.resolve("rapport.yaml");
        Files.writeString(config, yaml);
        return RapportConfigLoader.load(config);
    }

    @Test
    void fileAndKafkaSourcesAreSplitAndStreamingHasDefaults() throws IOException {
        RapportConfig config = load(SOURCES);

        assertThat(config.fileSources()).extracting(s -> s.name()).containsExactly("crm");
        assertThat(config.streamSources()).extracting(s -> s.name()).containsExactly("esp");
        assertThat(config.streaming().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.streaming().checkpointDir())
                .isEqualTo(dir.resolve("rapport-data/checkpoints").toString());
    }

    @Test
    void streamingSectionIsReadAndCheckedWithItsKey() throws IOException {
        RapportConfig config = load(SOURCES + "streaming: {checkpoint_interval: 2s, checkpoint_dir: chk}\n");
        assertThat(config.streaming().checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.streaming().checkpointDir())
                .isEqualTo(dir.resolve("chk").toString());

        assertThatThrownBy(() -> load(SOURCES + "streaming: {checkpoint_interval: soon}\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("streaming.checkpoint_interval");
    }
}
