package dev.rapport.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileSettings {

    @TempDir
    Path dir;

    private Map<String, Object> source(String path) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "crm");
        yaml.put("kind", "customer");
        yaml.put("format", "jsonl");
        yaml.put("path", path);
        yaml.put("mapping", new LinkedHashMap<>(Map.of("source_id", "id")));
        return yaml;
    }

    private static void assertInvalid(Map<String, Object> yaml, Path dir, String key, String... parts) {
        assertThatThrownBy(() -> SourceConfig.fromMap(yaml, "sources[0]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.problem()).contains(parts);
                });
    }

    @Test
    void batchIsTheDefault() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{}\n");
        SourceConfig source = SourceConfig.fromMap(source("a.jsonl"), "sources[0]", dir);
        assertThat(source.files()).isEqualTo(FileSettings.BATCH);
        assertThat(source.isStream()).isFalse();
    }

    @Test
    void aWatchedFolderMayStartEmptyButMustExist() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Map<String, Object> yaml = source("inbox/*.jsonl");
        yaml.put("mode", "watch");
        yaml.put("watch_interval", "2m");

        SourceConfig source = SourceConfig.fromMap(yaml, "sources[0]", dir);

        assertThat(source.isStream()).isTrue();
        assertThat(source.files().watchInterval()).isEqualTo(Duration.ofMinutes(2));
        Map<String, Object> missing = source("outbox/*.jsonl");
        missing.put("mode", "watch");
        assertInvalid(missing, dir, "sources[0].path", "source 'crm'", "does not exist");
        Map<String, Object> batch = source("inbox/*.jsonl");
        assertInvalid(batch, dir, "sources[0].path", "source 'crm'", "matches no file");
    }

    @Test
    void badModeIntervalAndS3SettingsFailFast() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{}\n");
        Map<String, Object> mode = source("a.jsonl");
        mode.put("mode", "stream");
        assertInvalid(mode, dir, "sources[0].mode", "batch, watch");

        Map<String, Object> interval = source("a.jsonl");
        interval.put("watch_interval", "10s");
        assertInvalid(interval, dir, "sources[0].watch_interval", "mode: watch");

        Map<String, Object> secret = source("s3://bucket/a.jsonl");
        secret.put("s3", Map.of("secret_access_key", "x"));
        assertInvalid(secret, dir, "sources[0].s3.secret_access_key", "never go in the config file");

        Map<String, Object> unknown = source("s3://bucket/a.jsonl");
        unknown.put("s3", Map.of("endpont", "http://x"));
        assertInvalid(unknown, dir, "sources[0].s3.endpont", "endpoint, path_style_access, region");

        Map<String, Object> local = source("a.jsonl");
        local.put("s3", Map.of("endpoint", "http://x"));
        assertInvalid(local, dir, "sources[0].s3", "s3:// paths");
    }
}
