package dev.rapport.metrics.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFeedConfig {

    private static final String SALT = "0123456789abcdef0123";

    @Test
    void readsDestinationsAndWindows() {
        FeedConfig config = FeedConfig.fromMap(
                Map.of(
                        "detractor_days", 14,
                        "invitations", Map.of("fatigue_days", 21),
                        "destinations",
                                List.of(
                                        Map.of("name", "crm", "format", "jsonl", "path", "out/crm", "pii", true),
                                        Map.of(
                                                "name",
                                                "web",
                                                "format",
                                                "kafka",
                                                "topic",
                                                "personalization",
                                                "bootstrap_servers",
                                                "broker:9092"))),
                "feed",
                name -> name.equals(SaltedHash.SALT_VARIABLE) ? SALT : null,
                java.nio.file.Path.of("/etc/rapport"));

        assertThat(config.detractorDays()).isEqualTo(14);
        assertThat(config.promoterDays()).isEqualTo(90);
        assertThat(config.fatigueDays()).isEqualTo(21);
        assertThat(config.destinations())
                .extracting(FeedDestination::format)
                .containsExactly(FeedDestination.Format.JSONL, FeedDestination.Format.KAFKA);
        assertThat(config.destinations().get(1).pii()).isFalse();
        // a relative path is relative to the config file's folder
        assertThat(config.destinations().get(0).path()).isEqualTo("file:///etc/rapport/out/crm");
        assertThat(config.toString()).doesNotContain(SALT);
    }

    @Test
    void anS3DestinationTakesTheSettingsOfAnS3CompatibleStore() {
        FeedConfig config = FeedConfig.fromMap(
                Map.of(
                        "destinations",
                        List.of(Map.of(
                                "name",
                                "lake",
                                "format",
                                "parquet",
                                "path",
                                "s3://lake/feed",
                                "pii",
                                true,
                                "s3",
                                Map.of("endpoint", "http://minio:9000", "path_style_access", true)))),
                "feed",
                name -> null,
                java.nio.file.Path.of("."));

        FeedDestination lake = config.destinations().get(0);
        assertThat(lake.onS3()).isTrue();
        assertThat(lake.s3()).isEqualTo(Map.of("s3.endpoint", "http://minio:9000", "s3.path-style-access", "true"));
        assertThatThrownBy(() -> FeedConfig.fromMap(
                        Map.of(
                                "destinations",
                                List.of(Map.of(
                                        "name",
                                        "x",
                                        "format",
                                        "jsonl",
                                        "path",
                                        "out",
                                        "pii",
                                        true,
                                        "s3",
                                        Map.of("endpoint", "http://minio:9000")))),
                        "feed",
                        name -> null,
                        java.nio.file.Path.of(".")))
                .hasMessageStartingWith("feed.destinations[0].s3:");
    }

    @Test
    void aDestinationWithoutPersonalDataNeedsTheSaltFromTheEnvironment() {
        Map<String, Object> yaml =
                Map.of("destinations", List.of(Map.of("name", "ads", "format", "parquet", "path", "s3://b/ads")));

        assertThatThrownBy(() -> FeedConfig.fromMap(yaml, "feed", name -> null, java.nio.file.Path.of(".")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("feed.destinations[0].pii")
                .hasMessageContaining(SaltedHash.SALT_VARIABLE);
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> FeedConfig.fromMap(
                        Map.of("promoter_days", "many"), "feed", name -> null, java.nio.file.Path.of(".")))
                .hasMessageStartingWith("feed.promoter_days:");
        assertThatThrownBy(() -> FeedConfig.fromMap(
                        Map.of("destinations", List.of(Map.of("name", "x", "format", "csv", "path", "p"))),
                        "feed",
                        name -> null,
                        java.nio.file.Path.of(".")))
                .hasMessageStartingWith("feed.destinations[0].format:");
        assertThatThrownBy(() -> FeedConfig.fromMap(
                        Map.of("destinations", List.of(Map.of("name", "x", "format", "kafka", "topic", "t"))),
                        "feed",
                        name -> null,
                        java.nio.file.Path.of(".")))
                .hasMessageStartingWith("feed.destinations[0].bootstrap_servers:");
        assertThatThrownBy(() ->
                        FeedConfig.fromMap(Map.of("colour", "red"), "feed", name -> null, java.nio.file.Path.of(".")))
                .hasMessageStartingWith("feed.colour:");
    }
}
