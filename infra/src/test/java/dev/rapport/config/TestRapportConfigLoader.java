package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRapportConfigLoader {

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void writeData() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/crm.csv"), "Id,FirstName,LastName,Email\n1,Ana,Petrović,ana@example.com\n");
        config = dir.resolve("rapport.yaml");
    }

    private RapportConfig load(String yaml) throws IOException {
        Files.writeString(config, yaml);
        return RapportConfigLoader.load(config);
    }

    private static final String SOURCE = "sources:\n"
            + "  - name: crm\n"
            + "    kind: customer\n"
            + "    format: csv\n"
            + "    path: data/crm.csv\n"
            + "    mapping: {source_id: Id, first_name: FirstName, last_name: LastName, email: Email}\n";

    @Test
    void relativePathsResolveAgainstTheConfigFolder() throws IOException {
        RapportConfig loaded = load(
                "catalog: {type: jdbc, uri: \"jdbc:sqlite:rapport-data/catalog.db\", warehouse: rapport-data/warehouse}\n"
                        + "parallelism: 3\n" + SOURCE);

        assertThat(loaded.catalog().uri()).isEqualTo("jdbc:sqlite:" + dir.resolve("rapport-data/catalog.db"));
        assertThat(loaded.catalog().warehouse())
                .isEqualTo(dir.resolve("rapport-data/warehouse").toString());
        assertThat(loaded.parallelism()).isEqualTo(3);
        assertThat(loaded.sources()).hasSize(1);
        assertThat(loaded.sources().get(0).name()).isEqualTo("crm");
    }

    @Test
    void defaultsAreTheEmbeddedCatalogAndParallelismTwo() throws IOException {
        RapportConfig loaded = load(SOURCE);

        assertThat(loaded.catalog().type()).isEqualTo("jdbc");
        assertThat(loaded.catalog().uri()).isEqualTo("jdbc:sqlite:" + dir.resolve("rapport-data/catalog.db"));
        assertThat(loaded.parallelism()).isEqualTo(2);
    }

    @Test
    void anObjectStoreWarehouseIsLeftAsItIs() throws IOException {
        RapportConfig loaded = load(
                "catalog: {type: jdbc, uri: \"jdbc:postgresql://db:5432/rapport\", warehouse: \"s3://lake/wh\"}\n");

        assertThat(loaded.catalog().warehouse()).isEqualTo("s3://lake/wh");
        assertThat(loaded.catalog().uri()).isEqualTo("jdbc:postgresql://db:5432/rapport");
    }

    @Test
    void secretsComeFromTheEnvironment() throws IOException {
        Files.writeString(
                config,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"jdbc:postgresql://db:5432/rapport\"\n"
                        + "  warehouse: \"s3://lake/wh\"\n"
                        + "  properties: {jdbc.user: rapport, jdbc.password: \"${env:RAPPORT_PG_PASSWORD}\"}\n");

        RapportConfig loaded = RapportConfigLoader.load(config, java.util.Map.of("RAPPORT_PG_PASSWORD", "s3cr3t"));

        assertThat(loaded.catalog().properties()).containsEntry("jdbc.password", "s3cr3t");
        assertThat(loaded.catalog().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() throws IOException {
        Files.writeString(
                config,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"jdbc:postgresql://db:5432/rapport\"\n"
                        + "  warehouse: \"s3://lake/wh\"\n"
                        + "  properties: {jdbc.password: \"${env:RAPPORT_PG_PASSWORD}\"}\n");

        assertThatThrownBy(() -> RapportConfigLoader.load(config, java.util.Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(
                        "catalog.properties.jdbc.password: refers to environment variable RAPPORT_PG_PASSWORD, which is not set");
    }

    @Test
    void anUnknownTopLevelKeyIsNamed() {
        assertThatThrownBy(() -> load("catalogue: {}\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(config.toString())
                .hasMessageContaining("catalogue: unknown key");
    }

    @Test
    void aBadParallelismIsNamed() {
        assertThatThrownBy(() -> load("parallelism: zero\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("parallelism: must be a whole number from 1 to 1024, got 'zero'");
    }

    @Test
    void anUnknownCatalogTypeIsNamed() {
        assertThatThrownBy(() -> load("catalog: {type: hive, uri: x, warehouse: y}\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("catalog: catalog type must be one of jdbc, hadoop, rest, glue; got 'hive'");
    }

    @Test
    void aMissingCatalogTypeIsNamed() {
        assertThatThrownBy(() -> load("catalog: {uri: x, warehouse: y}\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("catalog.type: missing");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> load("parallelism: 2\nsources: [\n  - name: x\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("(syntax): not valid YAML at line");
    }

    @Test
    void aMissingFileSaysHowToGetOne() {
        assertThatThrownBy(() -> RapportConfigLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("file not found");
    }

    @Test
    void aSourceErrorNamesTheSourceKey() {
        assertThatThrownBy(() -> load(SOURCE.replace("data/crm.csv", "data/missing-*.csv")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(config.toString())
                .hasMessageContaining("sources[0].path");
    }

    @Test
    void aMappedColumnMissingFromTheHeaderIsNamed() {
        assertThatThrownBy(() -> load(SOURCE.replace("email: Email", "email: EmailAddress")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("sources[0].mapping.email")
                .hasMessageContaining("EmailAddress");
    }

    @Test
    void duplicateSourceNamesAreRefused() {
        String second = SOURCE.replace("sources:\n", "");
        assertThatThrownBy(() -> load(SOURCE + second))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("sources[1].name: duplicate source name 'crm'");
    }

    @Test
    void sourceTrustNamesConfiguredSources() throws IOException {
        RapportConfig loaded = load(SOURCE + "identity:\n  survivorship: {source_trust: {crm: 2}, default: trust}\n");
        assertThat(loaded.identity().survivorship().trustOf("crm")).isEqualTo(2);

        assertThatThrownBy(() -> load(SOURCE + "identity:\n  survivorship: {source_trust: {crm: 2, erp: 3}}\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(config.toString())
                .hasMessageContaining(
                        "identity.survivorship.source_trust.erp: no source is named 'erp'; the configured sources are crm");
    }

    @Test
    void withoutSourcesSourceTrustIsNotChecked() throws IOException {
        RapportConfig loaded = load("identity:\n  survivorship: {source_trust: {erp: 3}}\n");

        assertThat(loaded.identity().survivorship().trustOf("erp")).isEqualTo(3);
    }
}
