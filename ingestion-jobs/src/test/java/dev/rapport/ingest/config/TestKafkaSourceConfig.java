package dev.rapport.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestKafkaSourceConfig {

    @TempDir
    Path dir;

    private static Map<String, Object> esp() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "esp");
        yaml.put("kind", "interaction");
        yaml.put("format", "kafka-json");
        yaml.put("bootstrap_servers", "kafka-1:9092, kafka-2:9092");
        yaml.put("topic", "email.events");
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_event_id", "sg_event_id");
        mapping.put("event_type", "event");
        mapping.put("event_time", Map.of("column", "timestamp", "format", "epoch_seconds"));
        mapping.put("email", "data.email");
        yaml.put("mapping", mapping);
        return yaml;
    }

    private void assertInvalid(Map<String, Object> yaml, String key, String... messageParts) {
        assertThatThrownBy(() -> SourceConfig.fromMap(yaml, "sources[1]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.problem()).contains(messageParts);
                });
    }

    @Test
    void kafkaSourceNeedsNoPathAndDefaultsItsGroupAndOffsets() {
        SourceConfig source = SourceConfig.fromMap(esp(), "sources[1]", dir);

        assertThat(source.format()).isEqualTo(SourceFormat.KAFKA_JSON);
        assertThat(source.isStream()).isTrue();
        assertThat(source.path()).isEqualTo("kafka:email.events");
        assertThat(source.kafka())
                .isEqualTo(new KafkaSettings(
                        "kafka-1:9092,kafka-2:9092", "email.events", "rapport-esp", StartingOffsets.COMMITTED));
    }

    @Test
    void explicitGroupAndStartingOffsets() {
        Map<String, Object> yaml = esp();
        yaml.put("group_id", "cdp-email");
        yaml.put("starting_offsets", "Earliest");

        KafkaSettings kafka = SourceConfig.fromMap(yaml, "sources[1]", dir).kafka();

        assertThat(kafka.groupId()).isEqualTo("cdp-email");
        assertThat(kafka.startingOffsets()).isEqualTo(StartingOffsets.EARLIEST);
    }

    @Test
    void missingOrMalformedKafkaKeys() {
        Map<String, Object> noServers = esp();
        noServers.remove("bootstrap_servers");
        assertInvalid(noServers, "sources[1].bootstrap_servers", "missing");

        Map<String, Object> badServer = esp();
        badServer.put("bootstrap_servers", "kafka-1");
        assertInvalid(badServer, "sources[1].bootstrap_servers", "'kafka-1' is not host:port");

        Map<String, Object> noTopic = esp();
        noTopic.remove("topic");
        assertInvalid(noTopic, "sources[1].topic", "missing");

        Map<String, Object> badTopic = esp();
        badTopic.put("topic", "email events");
        assertInvalid(badTopic, "sources[1].topic", "not a Kafka topic name");

        Map<String, Object> badOffsets = esp();
        badOffsets.put("starting_offsets", "beginning");
        assertInvalid(badOffsets, "sources[1].starting_offsets", "earliest, latest, committed");
    }

    @Test
    void pathIsNotAKafkaKeyAndKafkaKeysAreNotFileKeys() {
        Map<String, Object> withPath = esp();
        withPath.put("path", "data/events.jsonl");
        assertInvalid(withPath, "sources[1].path", "bootstrap_servers, topic, group_id, starting_offsets");

        Map<String, Object> fileWithTopic = esp();
        fileWithTopic.put("format", "jsonl");
        fileWithTopic.put("path", "events.jsonl");
        assertInvalid(fileWithTopic, "sources[1].bootstrap_servers", "unknown key");
    }

    @Test
    void unknownFormatListsKafkaJson() {
        Map<String, Object> yaml = esp();
        yaml.put("format", "kafka-xml");
        assertInvalid(yaml, "sources[1].format", "kafka-json");
    }

    @Test
    void streamingDefaultsAndExplicitValues() {
        StreamingConfig defaults = StreamingConfig.fromMap(null, "streaming", dir);
        assertThat(defaults.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.checkpointDir())
                .isEqualTo(dir.resolve("rapport-data/checkpoints").toString());

        StreamingConfig explicit = StreamingConfig.fromMap(
                Map.of("checkpoint_interval", "500ms", "checkpoint_dir", "chk"), "streaming", dir);
        assertThat(explicit.checkpointInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(explicit.checkpointDir()).isEqualTo(dir.resolve("chk").toString());
        assertThat(StreamingConfig.fromMap(Map.of("checkpoint_interval", 30), "streaming", dir)
                        .checkpointInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(StreamingConfig.fromMap(Map.of("checkpoint_interval", "2m"), "streaming", dir)
                        .checkpointInterval())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void malformedStreamingSettings() {
        assertThatThrownBy(() -> StreamingConfig.fromMap(Map.of("checkpoint_interval", "often"), "streaming", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("streaming.checkpoint_interval");
                    assertThat(e.problem()).contains("not a duration");
                });
        assertThatThrownBy(() -> StreamingConfig.fromMap(Map.of("checkpoint_interval", "10ms"), "streaming", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problem())
                        .contains("at least 100ms"));
        assertThatThrownBy(() -> StreamingConfig.fromMap(Map.of("interval", "10s"), "streaming", dir))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("streaming.interval"));
    }

    private Map<String, Object> avro(String schemaFile) {
        Map<String, Object> yaml = esp();
        yaml.put("format", "kafka-avro");
        yaml.put("value_schema", schemaFile);
        return yaml;
    }

    @Test
    void avroSourceReadsItsWriterSchemaWhenLoaded() throws java.io.IOException {
        java.nio.file.Files.writeString(
                dir.resolve("event.avsc"),
                "{\"type\": \"record\", \"name\": \"E\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}");

        KafkaSettings plain =
                SourceConfig.fromMap(avro("event.avsc"), "sources[1]", dir).kafka();
        Map<String, Object> singleObject = avro("event.avsc");
        singleObject.put("value_encoding", "single-object");

        assertThat(plain.valueEncoding()).isEqualTo(AvroEncoding.BINARY);
        assertThat(new org.apache.avro.Schema.Parser()
                        .parse(plain.valueSchema())
                        .getName())
                .isEqualTo("E");
        assertThat(SourceConfig.fromMap(singleObject, "sources[1]", dir).kafka().valueEncoding())
                .isEqualTo(AvroEncoding.SINGLE_OBJECT);
    }

    @Test
    void avroSourceWithoutAUsableSchemaFailsAtLoad() throws java.io.IOException {
        Map<String, Object> none = esp();
        none.put("format", "kafka-avro");
        assertInvalid(none, "sources[1].value_schema", "missing");
        assertInvalid(avro("absent.avsc"), "sources[1].value_schema", "cannot read absent.avsc");
        java.nio.file.Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\"");
        assertInvalid(avro("broken.avsc"), "sources[1].value_schema", "broken.avsc is not an Avro schema");
        java.nio.file.Files.writeString(dir.resolve("string.avsc"), "\"string\"");
        assertInvalid(avro("string.avsc"), "sources[1].value_schema", "values must be records");
        java.nio.file.Files.writeString(
                dir.resolve("event.avsc"),
                "{\"type\": \"record\", \"name\": \"E\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}");
        Map<String, Object> badEncoding = avro("event.avsc");
        badEncoding.put("value_encoding", "confluent");
        assertInvalid(badEncoding, "sources[1].value_encoding", "'confluent' is not one of binary, single-object");
        Map<String, Object> jsonWithSchema = esp();
        jsonWithSchema.put("value_schema", "event.avsc");
        assertInvalid(jsonWithSchema, "sources[1].value_schema", "applies to kafka-avro sources only");
    }
}
