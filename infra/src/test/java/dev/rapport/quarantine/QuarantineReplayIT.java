package dev.rapport.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.ExecutionTarget;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's loop: records rejected for a mapping mistake are inspected, the mapping is fixed, and
 * {@code rapport quarantine replay} stores them and clears their rejects; a record still bad stays
 * rejected with the current reason, and the other source's rejects are untouched.
 */
class QuarantineReplayIT {

    @TempDir
    Path dir;

    private final Console quiet =
            new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

    @Test
    void aFixedMappingStoresTheRejectedRecordsAndClearsTheirRejects() throws Exception {
        // the CRM writes birth dates as dd.MM.yyyy; c3's is no date at all
        Files.writeString(
                dir.resolve("crm.csv"),
                "Id,Email,Birthdate\n"
                        + "c1,ana@example.com,12.04.1990\n"
                        + "c2,bo@example.com,\n"
                        + "c3,cy@example.com,someday\n"
                        + "c4,di@example.com,01.02.1985\n");
        Files.writeString(
                dir.resolve("shop.csv"),
                "Id,Email,Created\ns1,x@example.com,yesterday\ns2,ok@example.com,2024-03-01T10:00:00Z\n");
        Path config = writeConfig("Birthdate");
        new Pipeline(RapportConfigLoader.load(config, Map.of()), quiet).ingest();
        // without a format, c1, c3 and c4 are rejected (ISO dates expected); the shop's s1 too
        assertThat(rejects("crm")).containsExactlyInAnyOrder("crm.csv:2", "crm.csv:4", "crm.csv:5");
        assertThat(rejects("shop")).containsExactly("shop.csv:2");
        assertThat(storedIds()).containsExactlyInAnyOrder("c2", "s2");

        // the mapping is fixed, and the source replayed
        RapportConfig fixed =
                RapportConfigLoader.load(writeConfig("{column: Birthdate, format: dd.MM.yyyy}"), Map.of());
        QuarantineReplay.Result result = QuarantineReplay.replay(fixed, "crm", quiet, ExecutionTarget.embedded());

        assertThat(result.rejectedBefore()).isEqualTo(3);
        assertThat(result.stillRejected()).isEqualTo(1);
        assertThat(result.cleared()).isEqualTo(2);
        assertThat(result.ingestion().source("crm").stored()).isEqualTo(3);
        assertThat(storedIds()).containsExactlyInAnyOrder("c1", "c2", "c4", "s2");
        // c3 is still rejected, now for the fixed mapping's reason; the shop's reject is untouched
        assertThat(rejects("crm")).containsExactly("crm.csv:4");
        assertThat(rejects("shop")).containsExactly("shop.csv:2");
        assertThat(messages("crm")).singleElement().asString().contains("dd.MM.yyyy");

        // replaying again changes nothing
        QuarantineReplay.Result again = QuarantineReplay.replay(fixed, "crm", quiet, ExecutionTarget.embedded());
        assertThat(again.rejectedBefore()).isEqualTo(1);
        assertThat(again.stillRejected()).isEqualTo(1);
        assertThat(storedIds()).containsExactlyInAnyOrder("c1", "c2", "c4", "s2");
    }

    @Test
    void anUnknownSourceIsNamed() throws Exception {
        Files.writeString(dir.resolve("crm.csv"), "Id,Email,Birthdate\nc1,ana@example.com,\n");
        Files.writeString(dir.resolve("shop.csv"), "Id,Email,Created\ns2,ok@example.com,\n");
        RapportConfig config = RapportConfigLoader.load(writeConfig("Birthdate"), Map.of());

        assertThatThrownBy(() -> QuarantineReplay.replay(config, "erp", quiet, ExecutionTarget.embedded()))
                .hasMessageContaining("no source named 'erp'");
    }

    private Path writeConfig(String birthDate) throws Exception {
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file,
                "catalog:\n"
                        + "  type: jdbc\n"
                        + "  uri: \"jdbc:sqlite:tables/catalog.db\"\n"
                        + "  warehouse: tables/warehouse\n"
                        + "parallelism: 2\n"
                        + "sources:\n"
                        + "  - name: crm\n"
                        + "    kind: customer\n"
                        + "    format: csv\n"
                        + "    path: crm.csv\n"
                        + "    mapping: {source_id: Id, email: Email, birth_date: " + birthDate + "}\n"
                        + "  - name: shop\n"
                        + "    kind: customer\n"
                        + "    format: csv\n"
                        + "    path: shop.csv\n"
                        + "    mapping: {source_id: Id, email: Email, created_at: Created}\n");
        Files.createDirectories(dir.resolve("tables"));
        return file;
    }

    private List<String> rejects(String source) throws Exception {
        return column(source, "location");
    }

    private List<String> messages(String source) throws Exception {
        return column(source, "message");
    }

    private List<String> column(String source, String column) throws Exception {
        RapportConfig config = RapportConfigLoader.load(dir.resolve("rapport.yaml"), Map.of());
        List<String> values = new ArrayList<>();
        try (RapportCatalog tables = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.REJECTED))
                        .build()) {
            for (Record row : rows) {
                if (source.equals(row.getField("source"))) {
                    values.add((String) row.getField(column));
                }
            }
        }
        return values;
    }

    private List<String> storedIds() throws Exception {
        RapportConfig config = RapportConfigLoader.load(dir.resolve("rapport.yaml"), Map.of());
        List<String> ids = new ArrayList<>();
        try (RapportCatalog tables = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.CUSTOMER_RECORDS))
                        .build()) {
            rows.forEach(row -> ids.add((String) row.getField("source_id")));
        }
        return ids;
    }
}
