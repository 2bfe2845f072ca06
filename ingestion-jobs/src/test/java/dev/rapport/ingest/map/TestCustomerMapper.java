package dev.rapport.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.config.FieldSpec;
import dev.rapport.ingest.config.FieldType;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFormat;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.schemas.avro.CustomerRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCustomerMapper {

    private static final String[] COLUMNS = {"Id", "First", "Last", "Email", "Phone", "Country", "Zip", "Born"};
    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

    private final CustomerMapper mapper = new CustomerMapper(source(), "run-1", NOW);

    private static SourceConfig source() {
        Map<String, FieldSpec> mapping = new LinkedHashMap<>();
        mapping.put("source_id", FieldSpec.column("Id"));
        mapping.put("first_name", FieldSpec.column("First"));
        mapping.put("last_name", FieldSpec.column("Last"));
        mapping.put("email", FieldSpec.column("Email"));
        mapping.put("phone", FieldSpec.column("Phone"));
        mapping.put("country", FieldSpec.column("Country"));
        mapping.put("postcode", FieldSpec.column("Zip"));
        mapping.put(
                "birth_date", FieldSpec.parse(Map.of("column", "Born", "format", "dd.MM.yyyy"), FieldType.DATE, "k"));
        return new SourceConfig(
                "crm", SourceKind.CUSTOMER, SourceFormat.CSV, "in.csv", Map.of("default_country", "RS"), mapping);
    }

    private CustomerRecord map(String... values) throws RecordException {
        return mapper.map(new CsvRow(COLUMNS, values), "in.csv:2");
    }

    @Test
    void normalizesEveryField() throws RecordException {
        CustomerRecord record =
                map("c1", " Ana ", "Петровић", "Ana.P+x@GMAIL.com", "064 1234567", "Serbia", "11 000", "15.03.1985");
        assertThat(record.getRecordId()).isEqualTo(RecordIds.of("crm", "c1"));
        assertThat(record.getSource()).isEqualTo("crm");
        assertThat(record.getFirstName()).isEqualTo("Ana");
        assertThat(record.getFullName()).isEqualTo("Ana Петровић");
        assertThat(record.getLastNameKey()).isEqualTo("petrovic");
        assertThat(record.getEmail()).isEqualTo("ana.p+x@gmail.com");
        assertThat(record.getEmailKey()).isEqualTo("anap@gmail.com");
        assertThat(record.getPhone()).isEqualTo("064 1234567");
        assertThat(record.getPhoneE164()).isEqualTo("+381641234567");
        assertThat(record.getCountry()).isEqualTo("RS");
        assertThat(record.getPostcodeKey()).isEqualTo("11000");
        assertThat(record.getBirthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(record.getSourceLocation()).isEqualTo("in.csv:2");
        assertThat(record.getIngestedAt()).isEqualTo(NOW);
        assertThat(record.getIngestRunId()).isEqualTo("run-1");
    }

    @Test
    void invalidEmailAndPhoneAreKeptOutWithoutRejecting() throws RecordException {
        CustomerRecord record = map("c1", "Ana", "", "not-an-email", "call me", "", "", "");
        assertThat(record.getEmail()).isNull();
        assertThat(record.getEmailKey()).isNull();
        assertThat(record.getPhone()).isEqualTo("call me");
        assertThat(record.getPhoneE164()).isNull();
        assertThat(record.getCountry()).isNull();
        assertThat(record.getBirthDate()).isNull();
    }

    @Test
    void missingSourceIdIsRejected() {
        assertThatThrownBy(() -> map(" ", "Ana", "", "", "", "", "", ""))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_REQUIRED_FIELD);
                    assertThat(e.field()).isEqualTo("source_id");
                    assertThat(e.getMessage()).contains("source_id", "Id");
                });
    }

    @Test
    void badBirthDateOrCountryIsRejected() {
        assertThatThrownBy(() -> map("c1", "", "", "", "", "", "", "1985-03-15"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.field()).isEqualTo("birth_date"));
        assertThatThrownBy(() -> map("c1", "", "", "", "", "Narnia", "", ""))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUNTRY));
    }
}
