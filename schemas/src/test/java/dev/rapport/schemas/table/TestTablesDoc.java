package dev.rapport.schemas.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestTablesDoc {

    @Test
    void everyTableAndEveryColumnIsDocumented() {
        String doc = TablesDoc.render(RapportTables.all());

        for (TableDefinition table : RapportTables.all()) {
            assertThat(doc).contains("### " + table.qualifiedName() + "\n");
            assertThat(doc).contains("- **Grain**: " + table.grain());
            table.schema().columns().forEach(column -> assertThat(doc).contains("| `" + column.name() + "` |"));
        }
        assertThat(doc).contains("- **Partitioned by**: `month(event_time)`");
        assertThat(doc).contains("SELECT channel,");
    }

    @Test
    void docsTablesMdIsWhatTheDefinitionsSay() throws Exception {
        Path file = projectRoot().resolve("docs/tables.md");
        String expected = TablesDoc.render(RapportTables.all());

        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
                .as("docs/tables.md is out of date with RapportTables; regenerate it with"
                        + " ./bin/rapport docs tables --out docs/tables.md")
                .isEqualTo(expected);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("schemas/src/main/avro"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "cannot find the project root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
