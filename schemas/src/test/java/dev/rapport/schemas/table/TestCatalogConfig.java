package dev.rapport.schemas.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCatalogConfig {

    @Test
    void embeddedIsJdbcOnSqliteUnderTheDataFolder() {
        CatalogConfig config = CatalogConfig.embedded(Path.of("/tmp/x/rapport-data"));

        assertThat(config.type()).isEqualTo("jdbc");
        assertThat(config.uri()).isEqualTo("jdbc:sqlite:/tmp/x/rapport-data/catalog.db");
        assertThat(config.warehouse()).isEqualTo("/tmp/x/rapport-data/warehouse");
        assertThat(config.catalogImpl()).isEqualTo("org.apache.iceberg.jdbc.JdbcCatalog");
    }

    @Test
    void explicitPropertiesPassThroughAndWin() {
        CatalogConfig config = new CatalogConfig(
                "JDBC",
                "jdbc:postgresql://db/rapport",
                "s3://bucket/wh",
                Map.of("jdbc.schema-version", "V0", "a", "b"));

        assertThat(config.type()).isEqualTo("jdbc");
        assertThat(config.icebergProperties())
                .containsEntry("uri", "jdbc:postgresql://db/rapport")
                .containsEntry("warehouse", "s3://bucket/wh")
                .containsEntry("jdbc.schema-version", "V0")
                .containsEntry("a", "b");
    }

    @Test
    void anS3WarehouseUsesS3FileIoUnlessToldOtherwise() {
        assertThat(new CatalogConfig("jdbc", "jdbc:postgresql://db/r", "s3://lake/wh", Map.of()).icebergProperties())
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        assertThat(new CatalogConfig("jdbc", "jdbc:postgresql://db/r", "s3://lake/wh", Map.of("io-impl", "x.MyIO"))
                        .icebergProperties())
                .containsEntry("io-impl", "x.MyIO");
        assertThat(new CatalogConfig("jdbc", "jdbc:sqlite:x.db", "/data/wh", Map.of()).icebergProperties())
                .doesNotContainKey("io-impl");
    }

    @Test
    void secretsAreNeverPrinted() {
        CatalogConfig config = new CatalogConfig(
                "jdbc",
                "jdbc:postgresql://db/r",
                "s3://lake/wh",
                Map.of("jdbc.user", "rapport", "jdbc.password", "hunter2", "s3.secret-access-key", "abc123"));

        assertThat(config.toString())
                .contains("jdbc.user=rapport")
                .contains("jdbc.password=****")
                .doesNotContain("hunter2")
                .doesNotContain("abc123");
    }

    @Test
    void glueNeedsOnlyAnS3WarehouseAndUsesS3FileIo() {
        CatalogConfig config =
                new CatalogConfig("glue", null, "s3://lake/warehouse", Map.of("glue.id", "123456789012"));

        assertThat(config.catalogImpl()).isEqualTo("org.apache.iceberg.aws.glue.GlueCatalog");
        assertThat(config.icebergProperties())
                .containsEntry("warehouse", "s3://lake/warehouse")
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .containsEntry("glue.id", "123456789012")
                .doesNotContainKey("uri");
        assertThatThrownBy(() -> new CatalogConfig("glue", null, null, Map.of()))
                .hasMessage("a glue catalog needs a warehouse");
    }

    @Test
    void theGlueCatalogClassIsOnTheClasspath() throws Exception {
        // Glue itself is not reachable from the tests; the class that talks to it must ship.
        assertThat(Class.forName(new CatalogConfig("glue", null, "s3://l/w", Map.of()).catalogImpl()))
                .isNotNull();
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> new CatalogConfig("hive", "thrift://x", "/w", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog type must be one of jdbc, hadoop, rest, glue; got 'hive'");
    }

    @Test
    void jdbcNeedsAUri() {
        assertThatThrownBy(() -> new CatalogConfig("jdbc", null, "/w", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a jdbc catalog needs a uri");
    }

    @Test
    void jdbcNeedsAWarehouse() {
        assertThatThrownBy(() -> new CatalogConfig("jdbc", "jdbc:sqlite:x.db", " ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a jdbc catalog needs a warehouse");
    }
}
