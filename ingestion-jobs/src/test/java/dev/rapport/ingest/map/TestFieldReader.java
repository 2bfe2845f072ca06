package dev.rapport.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.ingest.config.FieldSpec;
import dev.rapport.ingest.config.FieldType;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFieldReader {

    private final SourceRow row = new CsvRow(
            new String[] {"Email", "Country", "First", "Last", "Name", "Event", "Blank"},
            new String[] {" ana@example.com ", "", "Ana", "", "PETROVIĆ, Ana", "open", "  "});

    private String read(Object spec) throws RecordException {
        return FieldReader.read("field", FieldSpec.parse(spec, FieldType.TEXT, "sources[0].mapping.field"), row);
    }

    @Test
    void plainColumnIsTrimmed() throws RecordException {
        assertThat(read("Email")).isEqualTo("ana@example.com");
        assertThat(read(Map.of("column", "Email"))).isEqualTo("ana@example.com");
        assertThat(read("Blank")).isNull();
        assertThat(read("NoSuchColumn")).isNull();
    }

    @Test
    void defaultReplacesAnEmptyColumn() throws RecordException {
        assertThat(read(Map.of("column", "Country", "default", "RS"))).isEqualTo("RS");
        assertThat(read(Map.of("column", "First", "default", "X"))).isEqualTo("Ana");
    }

    @Test
    void constant() throws RecordException {
        assertThat(read(Map.of("const", "survey_response"))).isEqualTo("survey_response");
    }

    @Test
    void joinSkipsEmptyColumns() throws RecordException {
        assertThat(read(Map.of("join", List.of("First", "Last", "Name"), "separator", " | ")))
                .isEqualTo("Ana | PETROVIĆ, Ana");
        assertThat(read(Map.of("join", List.of("First", "Last")))).isEqualTo("Ana");
        assertThat(read(Map.of("join", List.of("Last", "Blank")))).isNull();
    }

    @Test
    void aJoinCanBeMappedThroughValues() throws RecordException {
        // e.g. an email event name joined with a machine-open flag
        assertThat(read(Map.of(
                        "join", List.of("First", "Name"),
                        "separator", "|",
                        "values", Map.of("Ana|PETROVIĆ, Ana", "matched", "Ana", "first only"))))
                .isEqualTo("matched");
        assertThat(read(Map.of(
                        "join", List.of("First", "Blank"), "separator", "|", "values", Map.of("Ana", "first only"))))
                .isEqualTo("first only");
    }

    @Test
    void splitTakesATrimmedPart() throws RecordException {
        assertThat(read(Map.of("column", "Name", "split", ",", "part", 0))).isEqualTo("PETROVIĆ");
        assertThat(read(Map.of("column", "Name", "split", ",", "part", 1))).isEqualTo("Ana");
        assertThat(read(Map.of("column", "Name", "split", ",", "part", 2))).isNull();
    }

    @Test
    void aSplitSeparatorIsLiteralTextNotAPattern() {
        assertThat(FieldReader.part("a.b|c.d", ".", 1)).isEqualTo("b|c");
        assertThat(FieldReader.part("a.b|c.d", "|", 1)).isEqualTo("c.d");
        assertThat(FieldReader.part("one :: two :: ", " :: ", 1)).isEqualTo("two");
        assertThat(FieldReader.part("one :: two :: ", " :: ", 2)).isEmpty();
        assertThat(FieldReader.part("one :: two :: ", " :: ", 3)).isNull();
        assertThat(FieldReader.part("no separator", ",", 0)).isEqualTo("no separator");
    }

    @Test
    void valueMapTranslatesOrRejects() throws RecordException {
        assertThat(read(Map.of("column", "Event", "values", Map.of("open", "email_open"))))
                .isEqualTo("email_open");
        assertThat(read(Map.of("column", "First", "values", Map.of("open", "email_open"), "default", "email_sent")))
                .isEqualTo("email_sent");
        assertThatThrownBy(() -> read(Map.of("column", "First", "values", Map.of("open", "email_open"))))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALUE_NOT_IN_MAP);
                    assertThat(e.field()).isEqualTo("field");
                    assertThat(e.getMessage()).contains("First", "open");
                });
    }

    @Test
    void formatIsKeptForTheTypedField() {
        FieldSpec spec = FieldSpec.parse(Map.of("column", "Birthdate", "format", "dd.MM.yyyy"), FieldType.DATE, "k");
        assertThat(spec.column()).isEqualTo("Birthdate");
        assertThat(spec.format()).isEqualTo("dd.MM.yyyy");
    }

    @Test
    void jsonDottedPaths() throws Exception {
        SourceRow json = new JsonRow(
                new ObjectMapper()
                        .readTree(
                                "{\"id\": 7, \"data\": {\"email\": \"a@b.co\", \"tags\": [1]}, \"a.b\": \"flat\", \"n\": null}"));
        assertThat(json.get("id")).isEqualTo("7");
        assertThat(json.get("data.email")).isEqualTo("a@b.co");
        assertThat(json.get("data.tags")).isEqualTo("[1]");
        assertThat(json.get("a.b")).isEqualTo("flat");
        assertThat(json.get("n")).isNull();
        assertThat(json.get("data.missing")).isNull();
    }

    @Test
    void csvWithoutHeaderReadsByNumber() {
        SourceRow numbered = new CsvRow(null, new String[] {"x", "y"});
        assertThat(numbered.get("1")).isEqualTo("y");
        assertThat(numbered.get("2")).isNull();
        assertThat(numbered.get("Name")).isNull();
    }
}
