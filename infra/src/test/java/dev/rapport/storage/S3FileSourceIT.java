package dev.rapport.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * File sources on a real S3 API (s3proxy): a glob over many objects read through S3FileIO with the
 * endpoint and path-style access set per source and credentials only from the AWS SDK's chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FileSourceIT {

    private static final String BUCKET = "exports";

    private Path dir;
    private S3ProxyServer s3;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        s3 = S3ProxyServer.start(dir, BUCKET);
        // The AWS SDK's default credential chain reads these (as it reads AWS_ACCESS_KEY_ID in production).
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterAll
    void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
    }

    @Test
    void ingestsEveryObjectAGlobMatches() throws Exception {
        // s3proxy's filesystem backend serves the files of the bucket's folder as objects.
        Path crm = Files.createDirectories(s3.bucketDir(BUCKET).resolve("crm/2024"));
        Files.writeString(crm.resolve("contacts_01.csv"), "Id,Email,Phone\nc1,ana@example.com,064 123 4567\n");
        Files.writeString(
                crm.resolve("contacts_02.csv"),
                "Id,Email,Phone\nc2,bob@example.com,\n,no-id@example.com,\nc1,ana.new@example.com,\n");
        Files.writeString(crm.resolve("readme.txt"), "not a CSV export\n");
        writeEspEvents();

        RapportConfig config = RapportConfigLoader.load(writeConfig("crm/2024/contacts_*.csv"), Map.of());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        IngestionReport report = new Pipeline(config, console).ingest();

        assertThat(report.source("crm")).isEqualTo(new SourceCounts(4, 2, 1, 1));
        assertThat(report.source("esp")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        try (RapportCatalog tables = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.CUSTOMER_RECORDS))
                        .build()) {
            Map<String, Record> byId = new HashMap<>();
            rows.forEach(r -> byId.put((String) r.getField("source_id"), r.copy()));
            assertThat(byId).containsOnlyKeys("c1", "c2");
            assertThat(byId.get("c1").getField("email")).isEqualTo("ana.new@example.com");
            assertThat(byId.get("c1").getField("source_location")).isEqualTo("contacts_02.csv:4");
        }
        try (RapportCatalog tables = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.REJECTED))
                        .build()) {
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.getField("location"))
                    .isEqualTo("contacts_02.csv:3"));
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain(s3.secretKey());
    }

    @Test
    void aGlobMatchingNoObjectFailsBeforeAnyJobNamingTheSource() throws Exception {
        writeEspEvents();
        Path file = writeConfig("crm/2099/contacts_*.csv");

        assertThatThrownBy(() -> RapportConfigLoader.load(file, Map.of()))
                .hasMessageContaining("sources[0].path")
                .hasMessageContaining("source 'crm'")
                .hasMessageContaining("matches no file");
    }

    private void writeEspEvents() throws Exception {
        Path esp = Files.createDirectories(s3.bucketDir(BUCKET).resolve("esp"));
        Files.writeString(
                esp.resolve("events.jsonl"),
                "{\"sg_event_id\":\"e1\",\"event\":\"open\",\"timestamp\":1709283600,\"email\":\"ana@example.com\"}\n");
    }

    private Path writeConfig(String crmKey) throws Exception {
        String s3Settings =
                "    s3: {endpoint: \"" + s3.endpoint() + "\", path_style_access: true, region: us-east-1}\n";
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"jdbc:sqlite:rapport-data/catalog.db\"\n"
                        + "  warehouse: rapport-data/warehouse\n"
                        + "parallelism: 2\n"
                        + "sources:\n"
                        + "  - name: crm\n"
                        + "    kind: customer\n"
                        + "    format: csv\n"
                        + "    path: \"s3://" + BUCKET + "/" + crmKey + "\"\n"
                        + s3Settings
                        + "    options: {default_country: RS}\n"
                        + "    mapping: {source_id: Id, email: Email, phone: Phone}\n"
                        + "  - name: esp\n"
                        + "    preset: sendgrid-events\n"
                        + "    path: \"s3://" + BUCKET + "/esp\"\n"
                        + s3Settings);
        return file;
    }
}
