package dev.rapport.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedCompany;
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
import dev.rapport.testing.PostgresServer;
import dev.rapport.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against the production-shaped storage: Iceberg's JDBC catalog on a real
 * PostgreSQL, table data on a real S3 API (s3proxy), credentials only from the environment and the
 * AWS credential chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCatalogOnS3IT {

    private static final String BUCKET = "rapport-lake";
    private static final String DATABASE = "rapport_catalog";

    private PostgresServer postgres;
    private S3ProxyServer s3;
    private Path dir;
    private RapportConfig config;
    private GeneratedCompany company;
    private IngestionReport ingestion;
    private IdentityReport identity;
    private MetricsReport metrics;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    void startAndRun(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        postgres = PostgresServer.start(DATABASE);
        s3 = S3ProxyServer.start(dir, BUCKET);
        // The AWS SDK's default credential chain reads these system properties (as it reads
        // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in production).
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        System.setProperty("aws.region", "us-east-1");

        company = new CompanyGenerator(new GeneratorConfig(150, 11, dir.resolve("data"))).generate();
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"" + postgres.jdbcUrl(DATABASE) + "\"\n"
                        + "  warehouse: \"s3://" + BUCKET + "/warehouse\"\n"
                        + "  properties:\n"
                        + "    jdbc.user: " + PostgresServer.USER + "\n"
                        + "    jdbc.password: \"${env:RAPPORT_CATALOG_PASSWORD}\"\n"
                        + "    s3.endpoint: \"" + s3.endpoint() + "\"\n"
                        + "    s3.path-style-access: \"true\"\n"
                        + "    client.region: us-east-1\n"
                        + "parallelism: 2\n"
                        + GeneratedSources.sourcesYaml("data"));
        config = RapportConfigLoader.load(file, Map.of("RAPPORT_CATALOG_PASSWORD", postgres.password()));

        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        Pipeline pipeline = new Pipeline(config, console);
        ingestion = pipeline.ingest();
        identity = pipeline.resolve();
        metrics = pipeline.metrics();
        console.line(config.toString());
    }

    @AfterAll
    void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
        try (AutoCloseable a = s3;
                AutoCloseable b = postgres) {
            // closes both, even if one fails
        }
    }

    @Test
    void everyRecordIsAccountedFor() {
        for (String source : GeneratedSources.FILES.keySet()) {
            assertThat(ingestion.source(source).read())
                    .as(source)
                    .isEqualTo(company.records().get(source));
            assertThat(ingestion.source(source).balanced()).as(source).isTrue();
        }
        assertThat(identity.customers()).isPositive();
        assertThat(metrics.rowsWritten()).isPositive();
    }

    @Test
    void theCatalogIsInPostgres() throws Exception {
        Map<String, Long> tables = new HashMap<>();
        try (Connection connection = postgres.connect(DATABASE);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT table_namespace, table_name FROM iceberg_tables")) {
            while (rows.next()) {
                tables.merge(rows.getString(1) + "." + rows.getString(2), 1L, Long::sum);
            }
        }

        assertThat(tables.keySet())
                .containsExactlyInAnyOrderElementsOf(RapportTables.all().stream()
                        .map(TableDefinition::qualifiedName)
                        .toList());
    }

    @Test
    void theDataIsInObjectStorageAndNotOnLocalDisk() throws Exception {
        try (Stream<Path> objects = Files.walk(s3.bucketDir(BUCKET))) {
            assertThat(objects.filter(p -> p.toString().endsWith(".parquet")).count())
                    .isPositive();
        }
        try (Stream<Path> local = Files.walk(dir.resolve("data"))) {
            assertThat(local.filter(p -> p.toString().endsWith(".parquet"))).isEmpty();
        }
        assertThat(dir.resolve("rapport-data")).doesNotExist();
    }

    @Test
    void tablesReadBackThroughTheCatalogMatchTheReports() throws Exception {
        long customerRecords = config.sources().stream()
                .filter(s -> s.kind().name().equals("CUSTOMER"))
                .mapToLong(s -> ingestion.source(s.name()).stored())
                .sum();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog())) {
            assertThat(count(catalog, RapportTables.CUSTOMER_RECORDS)).isEqualTo(customerRecords);
            assertThat(count(catalog, RapportTables.IDENTITY_MAP)).isEqualTo(customerRecords);
            assertThat(count(catalog, RapportTables.CUSTOMER_PROFILE)).isEqualTo(identity.customers());
            assertThat(count(catalog, RapportTables.REJECTED))
                    .isEqualTo(ingestion.total().quarantined());
        }
    }

    @Test
    void secretsNeverReachTheOutput() {
        String printed = output.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("jdbc.password=****");
        assertThat(printed).doesNotContain(postgres.password()).doesNotContain(s3.secretKey());
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
