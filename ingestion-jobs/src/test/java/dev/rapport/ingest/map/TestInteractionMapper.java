package dev.rapport.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.config.FieldSpec;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFormat;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.schemas.avro.Interaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInteractionMapper {

    private static final String[] COLUMNS = {"id", "type", "at", "ref", "email", "amount", "cur", "stype", "score"};

    private final InteractionMapper mapper =
            new InteractionMapper(source(), "run-1", Instant.parse("2024-05-01T00:00:00Z"));

    private static SourceConfig source() {
        Map<String, FieldSpec> mapping = new LinkedHashMap<>();
        String[] fields = {
            "source_event_id",
            "event_type",
            "event_time",
            "customer_ref",
            "email",
            "amount",
            "currency",
            "survey_type",
            "score"
        };
        for (int i = 0; i < fields.length; i++) {
            mapping.put(fields[i], FieldSpec.column(COLUMNS[i]));
        }
        return new SourceConfig(
                "shop",
                SourceKind.INTERACTION,
                SourceFormat.CSV,
                "in.csv",
                Map.of("timezone", "Europe/Belgrade"),
                mapping);
    }

    private Interaction map(String... values) throws RecordException {
        return mapper.map(new CsvRow(COLUMNS, values), "in.csv:2");
    }

    @Test
    void orderWithAmount() throws RecordException {
        Interaction event = map("o-1", "ORDER", "2024-03-01T10:00:00", "A-7", "", "99,9", "eur", "", "");
        assertThat(event.getEventId()).isEqualTo(RecordIds.of("shop", "o-1"));
        assertThat(event.getEventType()).isEqualTo("order");
        assertThat(event.getCategory()).isEqualTo("commerce");
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(event.getCustomerRef()).isEqualTo("A-7");
        assertThat(event.getCustomerSource()).isEqualTo("shop");
        assertThat(event.getAmount()).isEqualTo(new BigDecimal("99.90"));
        assertThat(event.getCurrency()).isEqualTo("EUR");
    }

    @Test
    void surveyScoreIsCheckedAgainstItsScale() throws RecordException {
        Interaction event = map("s-1", "survey_response", "2024-03-01T10:00:00Z", "A-7", "", "", "", "csat", "5");
        assertThat(event.getSurveyType()).isEqualTo("CSAT");
        assertThat(event.getScore()).isEqualTo(5);
        assertThatThrownBy(() -> map("s-2", "survey_response", "2024-03-01T10:00:00Z", "A-7", "", "", "", "CSAT", "6"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCORE_OUT_OF_RANGE));
        assertThatThrownBy(() -> map("s-3", "survey_response", "2024-03-01T10:00:00Z", "A-7", "", "", "", "", "6"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.field()).isEqualTo("survey_type"));
    }

    @Test
    void invalidEmailRejectsOnlyWhenItIsTheOnlyLink() throws RecordException {
        Interaction linked = map("e-1", "email_open", "2024-03-01T10:00:00Z", "A-7", "nope", "", "", "", "");
        assertThat(linked.getEmail()).isNull();
        assertThatThrownBy(() -> map("e-2", "email_open", "2024-03-01T10:00:00Z", "", "nope", "", "", "", ""))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMAIL));
    }

    @Test
    void requiredFieldsAndKnownTypes() {
        assertThatThrownBy(() -> map("e-1", "email_open", "", "A-7", "", "", "", "", ""))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_REQUIRED_FIELD);
                    assertThat(e.field()).isEqualTo("event_time");
                });
        assertThatThrownBy(() -> map("e-1", "opened", "2024-03-01T10:00:00Z", "A-7", "", "", "", "", ""))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_EVENT_TYPE));
        assertThatThrownBy(() -> map("o-1", "order", "2024-03-01T10:00:00Z", "A-7", "", "lots", "", "", ""))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NUMBER));
    }
}
