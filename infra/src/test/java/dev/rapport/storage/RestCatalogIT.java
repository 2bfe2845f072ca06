package dev.rapport.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import dev.rapport.testing.RestCatalogServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against an Iceberg REST catalog (Iceberg's reference server in its own JVM):
 * every table is created and committed through HTTP, and a plain Iceberg REST client sees the
 * same tables and rows afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestCatalogIT {

    private RestCatalogServer server;
    private RapportConfig config;
    private IngestionReport ingestion;
    private IdentityReport identity;
    private MetricsReport metrics;

    @BeforeAll
    void startAndRun(@TempDir Path dir) throws Exception {
        server = RestCatalogServer.start(dir);
        new CompanyGenerator(new GeneratorConfig(120, 5, dir.resolve("data"))).generate();
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: rest\n"
                        + "  uri: \"" + server.uri() + "\"\n"
                        + "parallelism: 2\n"
                        + GeneratedSources.sourcesYaml("data"));
        config = RapportConfigLoader.load(file, Map.of());

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Pipeline pipeline =
                new Pipeline(config, new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false));
        ingestion = pipeline.ingest();
        identity = pipeline.resolve();
        metrics = pipeline.metrics();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPlainRestClientSeesEveryTable() throws Exception {
        try (RESTCatalog client = new RESTCatalog()) {
            client.initialize("client", Map.of("uri", server.uri()));
            List<String> seen = RapportTables.all().stream()
                    .map(TableDefinition::qualifiedName)
                    .filter(name -> {
                        String[] parts = name.split("\\.");
                        return client.tableExists(TableIdentifier.of(Namespace.of(parts[0]), parts[1]));
                    })
                    .toList();
            assertThat(seen)
                    .containsExactlyInAnyOrderElementsOf(RapportTables.all().stream()
                            .map(TableDefinition::qualifiedName)
                            .toList());
        }
    }

    @Test
    void rowsReadThroughTheRestCatalogMatchTheReports() throws Exception {
        assertThat(ingestion.total().read()).isPositive();
        assertThat(ingestion.total().balanced()).isTrue();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog())) {
            assertThat(count(catalog, RapportTables.CUSTOMER_PROFILE)).isEqualTo(identity.customers());
            assertThat(count(catalog, RapportTables.REJECTED))
                    .isEqualTo(ingestion.total().quarantined());
            assertThat(count(catalog, RapportTables.NPS_DAILY)).isPositive();
        }
        assertThat(metrics.rowsWritten()).isPositive();
    }

    @Test
    void theServerOwnsTheWarehouse() throws Exception {
        try (Stream<Path> files = Files.walk(server.warehouse())) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count())
                    .isPositive();
        }
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
}
