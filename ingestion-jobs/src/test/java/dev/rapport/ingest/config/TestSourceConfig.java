package dev.rapport.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSourceConfig {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/crm_1.csv"), "\uFEFFId,FirstName,Email\n1,Ana,a@b.co\n");
        Files.writeString(dir.resolve("data/crm_2.csv"), "Id,FirstName,Email\n2,Bob,b@b.co\n");
        Files.writeString(dir.resolve("data/events.jsonl"), "{}\n", StandardCharsets.UTF_8);
    }

    private Map<String, Object> crm() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "crm");
        yaml.put("kind", "customer");
        yaml.put("format", "csv");
        yaml.put("path", "data/crm_*.csv");
        yaml.put("options", new HashMap<>(Map.of("delimiter", ",", "header", true, "default_country", "rs")));
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_id", "Id");
        mapping.put("first_name", "FirstName");
        mapping.put("email", Map.of("column", "Email"));
        yaml.put("mapping", mapping);
        return yaml;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Map<String, Object> yaml) {
        return (Map<String, Object>) yaml.get("mapping");
    }

    private void assertInvalid(Map<String, Object> yaml, String key, String... messageParts) {
        assertThatThrownBy(() -> SourceConfig.fromMap(yaml, "sources[2]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.problem()).contains(messageParts);
                });
    }

    @Test
    void validSourceResolvesPathAndOptions() {
        SourceConfig source = SourceConfig.fromMap(crm(), "sources[2]", dir);
        assertThat(source.name()).isEqualTo("crm");
        assertThat(source.kind()).isEqualTo(SourceKind.CUSTOMER);
        assertThat(source.format()).isEqualTo(SourceFormat.CSV);
        assertThat(Path.of(source.path())).isEqualTo(dir.resolve("data/crm_*.csv"));
        assertThat(SourceFiles.resolve(source.path()))
                .containsExactly(dir.resolve("data/crm_1.csv"), dir.resolve("data/crm_2.csv"));
        assertThat(source.defaultCountry()).isEqualTo("RS");
        assertThat(source.csvSettings().header()).isTrue();
        assertThat(source.mapping()).containsOnlyKeys("source_id", "first_name", "email");
    }

    @Test
    void folderPathTakesEveryFile() {
        Map<String, Object> yaml = crm();
        yaml.put("path", "data");
        yaml.put("format", "jsonl");
        yaml.remove("options");
        assertThat(SourceFiles.resolve(
                        SourceConfig.fromMap(yaml, "sources[2]", dir).path()))
                .hasSize(3);
    }

    @Test
    void unknownKindFormatAndKeys() {
        Map<String, Object> yaml = crm();
        yaml.put("kind", "person");
        assertInvalid(yaml, "sources[2].kind", "'person'", "customer, interaction");
        yaml = crm();
        yaml.put("format", "xml");
        assertInvalid(yaml, "sources[2].format", "csv, jsonl, avro, parquet");
        yaml = crm();
        yaml.put("table", "x");
        assertInvalid(yaml, "sources[2].table", "unknown key");
        yaml = crm();
        yaml.put("name", "My CRM");
        assertInvalid(yaml, "sources[2].name", "not a valid source name");
    }

    @Test
    void unknownOrMisplacedOptions() {
        Map<String, Object> yaml = crm();
        yaml.put("options", Map.of("separator", ";"));
        assertInvalid(yaml, "sources[2].options.separator", "unknown option", "delimiter");
        yaml = crm();
        yaml.put("format", "jsonl");
        yaml.put("path", "data/events.jsonl");
        yaml.put("options", Map.of("delimiter", ";"));
        assertInvalid(yaml, "sources[2].options.delimiter", "csv sources only");
        yaml = crm();
        yaml.put("options", Map.of("encoding", "klingon-8"));
        assertInvalid(yaml, "sources[2].options.encoding", "not a known encoding");
        yaml = crm();
        yaml.put("options", Map.of("timezone", "Mars/Olympus"));
        assertInvalid(yaml, "sources[2].options.timezone", "not a time zone");
        yaml = crm();
        yaml.put("options", Map.of("default_country", "Serbia"));
        assertInvalid(yaml, "sources[2].options.default_country", "alpha-2");
        yaml = crm();
        yaml.put("options", Map.of("delimiter", ";;"));
        assertInvalid(yaml, "sources[2].options.delimiter", "one character");
    }

    @Test
    void unknownCanonicalField() {
        Map<String, Object> yaml = crm();
        mapping(yaml).put("shoe_size", "Size");
        assertInvalid(yaml, "sources[2].mapping.shoe_size", "not a field of a customer record", "birth_date");
    }

    @Test
    void missingRequiredMappings() {
        Map<String, Object> yaml = crm();
        mapping(yaml).remove("source_id");
        assertInvalid(yaml, "sources[2].mapping.source_id", "must map source_id");
        Map<String, Object> events = crm();
        events.put("kind", "interaction");
        events.put("format", "jsonl");
        events.put("path", "data/events.jsonl");
        events.remove("options");
        events.put("mapping", new LinkedHashMap<>(Map.of("source_event_id", "id", "event_type", "type")));
        assertInvalid(events, "sources[2].mapping.event_time", "source_event_id, event_type, event_time");
    }

    @Test
    void malformedMappingSpecs() {
        Map<String, Object> yaml = crm();
        mapping(yaml).put("birth_date", Map.of("column", "Email", "format", "dd.MM.yyyyy.Q'"));
        assertInvalid(yaml, "sources[2].mapping.birth_date.format", "not a java.time pattern");
        yaml = crm();
        mapping(yaml).put("first_name", Map.of("column", "FirstName", "format", "dd.MM.yyyy"));
        assertInvalid(yaml, "sources[2].mapping.first_name.format", "only to date and timestamp");
        yaml = crm();
        mapping(yaml).put("last_name", Map.of("column", "FirstName", "split", ","));
        assertInvalid(yaml, "sources[2].mapping.last_name", "split and part go together");
        yaml = crm();
        mapping(yaml).put("last_name", Map.of("column", "FirstName", "const", "x"));
        assertInvalid(yaml, "sources[2].mapping.last_name", "exactly one of column, const and join");
        yaml = crm();
        mapping(yaml).put("last_name", Map.of("colunm", "FirstName"));
        assertInvalid(yaml, "sources[2].mapping.last_name.colunm", "unknown mapping key");
        yaml = crm();
        mapping(yaml).put("full_name", Map.of("join", List.of()));
        assertInvalid(yaml, "sources[2].mapping.full_name.join", "non-empty list");
        yaml = crm();
        mapping(yaml).put("company", Map.of("column", "FirstName", "values", "x"));
        assertInvalid(yaml, "sources[2].mapping.company.values", "non-empty map");
        yaml = crm();
        mapping(yaml).put("last_name", Map.of("column", "FirstName", "split", ",", "part", -1));
        assertInvalid(yaml, "sources[2].mapping.last_name.part", "whole number");
    }

    @Test
    void everyMappingFormParses() {
        Map<String, Object> yaml = crm();
        mapping(yaml).put("country", Map.of("column", "Email", "default", "RS"));
        mapping(yaml).put("company", Map.of("const", "Acme"));
        mapping(yaml).put("full_name", Map.of("join", List.of("FirstName", "Email"), "separator", " "));
        mapping(yaml).put("last_name", Map.of("column", "FirstName", "split", ",", "part", 1));
        mapping(yaml).put("created_at", Map.of("column", "Email", "format", "epoch_seconds"));
        mapping(yaml).put("region", Map.of("column", "Email", "values", Map.of("a", "b"), "default", "c"));
        SourceConfig source = SourceConfig.fromMap(yaml, "sources[2]", dir);
        assertThat(source.mapping().get("full_name").join()).containsExactly("FirstName", "Email");
        assertThat(source.mapping().get("full_name").separator()).isEqualTo(" ");
        assertThat(source.mapping().get("last_name").part()).isEqualTo(1);
        assertThat(source.mapping().get("created_at").format()).isEqualTo("epoch_seconds");
        assertThat(source.mapping().get("region").values()).containsEntry("a", "b");
        assertThat(source.mapping().get("company").constant()).isEqualTo("Acme");
    }

    @Test
    void pathMatchingNothing() {
        Map<String, Object> yaml = crm();
        yaml.put("path", "data/erp_*.csv");
        assertInvalid(yaml, "sources[2].path", "matches no file");
    }

    @Test
    void csvColumnMissingFromHeader() {
        Map<String, Object> yaml = crm();
        mapping(yaml).put("birth_date", Map.of("column", "Birthdate", "format", "dd.MM.yyyy"));
        assertInvalid(yaml, "sources[2].mapping.birth_date", "'Birthdate'", "crm_1.csv", "Id, FirstName, Email");
        yaml = crm();
        mapping(yaml).put("full_name", Map.of("join", List.of("FirstName", "LastName")));
        assertInvalid(yaml, "sources[2].mapping.full_name", "'LastName'");
    }
}
