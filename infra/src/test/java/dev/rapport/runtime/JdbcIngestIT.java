package dev.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.schemas.config.InvalidConfigException;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.testing.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC source on a real PostgreSQL: the first run reads the whole table, a second run after updates
 * and inserts reads only the rows past the stored cursor, and the upserts leave one current row per
 * customer.
 */
class JdbcIngestIT {

    private static final String DATABASE = "erp";

    @TempDir
    Path dir;

    @Test
    void secondRunReadsOnlyRowsPastTheCursor() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(DATABASE)) {
            try (Connection connection = postgres.connect(DATABASE);
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE customers (customer_id varchar(20) PRIMARY KEY, first_name text,"
                        + " last_name text, email text, phone text, country text, birth_date date,"
                        + " updated_at timestamp NOT NULL)");
                sql.execute("INSERT INTO customers VALUES"
                        + " ('K-1', 'Ana', 'Petrović', 'ana@example.com', '064 123 4567', 'RS', '1985-03-15',"
                        + "  '2024-03-01 10:00:00'),"
                        + " ('K-2', 'Bob', 'Smith', 'bob@example.com', null, 'US', null, '2024-03-01 11:00:00'),"
                        + " ('K-3', 'Cleo', 'Jones', 'cleo@example.com', null, 'GB', null, '2024-03-02 09:00:00')");
            }
            Map<String, String> env = Map.of("ERP_PASSWORD", postgres.password());
            RapportConfig config = RapportConfigLoader.load(writeConfig(postgres.jdbcUrl(DATABASE)), env);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Pipeline pipeline =
                    new Pipeline(config, new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false));

            IngestionReport first = pipeline.ingest();

            assertThat(first.source("erp"))
                    .as(output.toString(StandardCharsets.UTF_8) + first)
                    .isEqualTo(new SourceCounts(3, 3, 0, 0));
            try (Connection connection = postgres.connect(DATABASE);
                    Statement sql = connection.createStatement()) {
                sql.execute("UPDATE customers SET email = 'ana.new@example.com', updated_at = '2024-03-05 08:00:00'"
                        + " WHERE customer_id = 'K-1'");
                sql.execute("INSERT INTO customers VALUES ('K-4', 'Dan', 'Brown', 'dan@example.com', null, 'DE',"
                        + " null, '2024-03-05 09:30:00')");
            }

            IngestionReport second = pipeline.ingest();

            assertThat(second.source("erp")).isEqualTo(new SourceCounts(2, 2, 0, 0));
            try (RapportCatalog tables = new RapportCatalog(config.catalog())) {
                Map<String, Record> customers = new HashMap<>();
                try (CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.CUSTOMER_RECORDS))
                        .build()) {
                    rows.forEach(r -> customers.put((String) r.getField("source_id"), r.copy()));
                }
                assertThat(customers).containsOnlyKeys("K-1", "K-2", "K-3", "K-4");
                assertThat(customers.get("K-1").getField("email")).isEqualTo("ana.new@example.com");
                assertThat(customers.get("K-1").getField("birth_date")).isEqualTo(java.time.LocalDate.of(1985, 3, 15));
                assertThat(customers.get("K-1").getField("phone_e164")).isEqualTo("+381641234567");
                assertThat(customers.get("K-1").getField("source_location")).isEqualTo("customers:customer_id=K-1");
                assertThat(customers.get("K-2").getField("email")).isEqualTo("bob@example.com");
                assertThat(customers.get("K-4").getField("country")).isEqualTo("DE");
            }
            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("updated_at > 2024-03-02 09:00:00 up to 2024-03-05 09:30:00");
            assertThat(printed).doesNotContain(postgres.password());

            IngestionReport third = pipeline.ingest();
            assertThat(third.source("erp")).isEqualTo(new SourceCounts(0, 0, 0, 0));
        }
    }

    @Test
    void anUnreachableDatabaseFailsBeforeAnyJobNamingTheSource() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = writeConfig("jdbc:postgresql://127.0.0.1:" + closedPort + "/erp");

        assertThatThrownBy(() -> RapportConfigLoader.load(file, Map.of("ERP_PASSWORD", "x")))
                .hasMessageContaining("sources[0].jdbc")
                .hasMessageContaining("source 'erp'")
                .hasMessageContaining("cannot read table customers");
        assertThat(Files.exists(dir.resolve("rapport-data/warehouse"))).isFalse();
        assertThat(InvalidConfigException.class).isNotNull();
    }

    private Path writeConfig(String url) throws Exception {
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"jdbc:sqlite:rapport-data/catalog.db\"\n"
                        + "  warehouse: rapport-data/warehouse\n"
                        + "parallelism: 2\n"
                        + "sources:\n"
                        + "  - name: erp\n"
                        + "    preset: erp-customers\n"
                        + "    format: jdbc\n"
                        + "    jdbc:\n"
                        + "      url: \"" + url + "\"\n"
                        + "      user: " + PostgresServer.USER + "\n"
                        + "      password: \"${env:ERP_PASSWORD}\"\n"
                        + "      table: customers\n"
                        + "      cursor: updated_at\n"
                        + "      key: customer_id\n");
        return file;
    }
}
