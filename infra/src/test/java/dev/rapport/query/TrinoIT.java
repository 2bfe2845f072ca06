package dev.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import dev.rapport.sql.SqlRunner;
import dev.rapport.testing.PostgresServer;
import dev.rapport.testing.TrinoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second engine reads Rapport's tables: the pipeline writes a small company through Iceberg's
 * JDBC catalog on a real PostgreSQL, then a real Trino server, configured with the shipped
 * {@code infra/trino/etc}, answers the same questions as {@code rapport sql} (Flink batch).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoIT {

    private static final String DATABASE = "rapport_catalog";

    private PostgresServer postgres;
    private TrinoServer trino;
    private RapportConfig config;

    @BeforeAll
    void runPipelineAndStartTrino(@TempDir Path dir) throws Exception {
        postgres = PostgresServer.start(DATABASE);
        new CompanyGenerator(new GeneratorConfig(120, 13, dir.resolve("data"))).generate();
        Path warehouse = dir.resolve("warehouse");
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"" + postgres.jdbcUrl(DATABASE) + "\"\n"
                        + "  warehouse: \"" + warehouse + "\"\n"
                        + "  properties:\n"
                        + "    jdbc.user: " + PostgresServer.USER + "\n"
                        + "    jdbc.password: \"${env:RAPPORT_CATALOG_PASSWORD}\"\n"
                        + "parallelism: 2\n"
                        + GeneratedSources.sourcesYaml("data"));
        config = RapportConfigLoader.load(file, Map.of("RAPPORT_CATALOG_PASSWORD", postgres.password()));
        Console console =
                new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        Pipeline pipeline = new Pipeline(config, console);
        pipeline.ingest();
        pipeline.resolve();
        pipeline.metrics();

        trino = TrinoServer.start(
                Path.of(System.getProperty("rapport.trino.tarball")),
                Path.of(System.getProperty("rapport.trino.dir")),
                Path.of(System.getProperty("rapport.trino.etc")),
                Files.createDirectories(dir.resolve("trino")),
                Map.of(
                        "RAPPORT_CATALOG_URL", postgres.jdbcUrl(DATABASE),
                        "RAPPORT_CATALOG_USER", PostgresServer.USER,
                        "RAPPORT_CATALOG_PASSWORD", postgres.password(),
                        "RAPPORT_WAREHOUSE", warehouse.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        try (AutoCloseable a = postgres;
                AutoCloseable b = trino) {
            // closes both, Trino first
        }
    }

    @Test
    void trinoSeesRapportsSchemas() throws Exception {
        assertThat(trino.query("SHOW SCHEMAS FROM rapport").stream().map(row -> row.get(0)))
                .contains("staging", "identity", "metrics", "quarantine");
    }

    @Test
    void interactionCountsAgree() throws Exception {
        List<List<String>> trinoRows = trino.query("SELECT COUNT(*) FROM rapport.staging.interactions");

        assertThat(Long.parseLong(trinoRows.get(0).get(0))).isPositive();
        assertThat(trinoRows).isEqualTo(rapportSql("SELECT COUNT(*) FROM staging.interactions"));
    }

    @Test
    void customerCountsAgree() throws Exception {
        // IDENTITY is reserved in Flink SQL (backticks); Trino quotes identifiers with double quotes.
        List<List<String>> trinoRows = trino.query("SELECT COUNT(*) FROM rapport.\"identity\".customer_profile");

        assertThat(Long.parseLong(trinoRows.get(0).get(0))).isPositive();
        assertThat(trinoRows).isEqualTo(rapportSql("SELECT COUNT(*) FROM `identity`.customer_profile"));
    }

    @Test
    void npsByChannelAgrees() throws Exception {
        String byChannel = "SELECT channel, SUM(responses), SUM(promoters), SUM(detractors)"
                + " FROM %s GROUP BY channel ORDER BY channel";

        List<List<String>> trinoRows = trino.query(byChannel.formatted("rapport.metrics.nps_daily"));

        assertThat(trinoRows).isNotEmpty();
        assertThat(trinoRows).isEqualTo(rapportSql(byChannel.formatted("metrics.nps_daily")));
    }

    @Test
    void everyTableReadsWithTheRowsIcebergHolds() throws Exception {
        try (RapportCatalog catalog = new RapportCatalog(config.catalog())) {
            for (TableDefinition table : RapportTables.all()) {
                String name = "rapport.\"" + table.identifier().namespace() + "\"."
                        + table.identifier().name();

                // SELECT * decodes every column type (lists, decimals, timestamps with time zone).
                trino.query("SELECT * FROM " + name + " LIMIT 5");
                assertThat(trino.query("SELECT COUNT(*) FROM " + name))
                        .as(name)
                        .containsExactly(List.of(Long.toString(count(catalog, table))));
            }
        }
    }

    @Test
    void theDocumentedExamplesRun() throws Exception {
        String examples = Files.readString(
                Path.of(System.getProperty("rapport.trino.etc")).resolveSibling("examples.sql"));
        String withoutComments = examples.lines()
                .filter(line -> !line.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        List<String> statements = java.util.Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();

        assertThat(statements).hasSizeGreaterThanOrEqualTo(5);
        for (String statement : statements) {
            assertThat(trino.query(statement)).as(statement).isNotNull();
        }
    }

    @Test
    void trinoOnlyReads() {
        // The shipped catalog is read-only: BI tools cannot change what Rapport's jobs own.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trino.query("DELETE FROM rapport.metrics.nps_daily"))
                .hasMessageContaining("Access Denied");
    }

    private static long count(RapportCatalog catalog, TableDefinition table) throws Exception {
        long rows = 0;
        try (CloseableIterable<org.apache.iceberg.data.Record> records =
                IcebergGenerics.read(catalog.load(table)).build()) {
            for (org.apache.iceberg.data.Record ignored : records) {
                rows++;
            }
        }
        return rows;
    }

    /** The rows of {@code rapport sql} (Flink batch, the SqlCommand's runner) for the same question. */
    private List<List<String>> rapportSql(String sql) throws Exception {
        return new SqlRunner(config.catalog(), 1).query(sql).rows();
    }
}
