package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestTemporalNormalizer {

    private final TemporalNormalizer belgrade = new TemporalNormalizer(ZoneId.of("Europe/Belgrade"));

    @Test
    void isoTimestampsWithOffsetEndInUtc() throws RecordException {
        assertThat(belgrade.timestamp("t", "2024-03-01T10:15:00+01:00", null))
                .isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
        assertThat(belgrade.timestamp("t", "2024-03-01T10:15:00Z", null))
                .isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
    }

    @Test
    void timestampsWithoutOffsetAreReadInTheSourceZone() throws RecordException {
        assertThat(belgrade.timestamp("t", "2024-07-01T10:15:00", null))
                .isEqualTo(Instant.parse("2024-07-01T08:15:00Z"));
    }

    @Test
    void patternsAndEpochs() throws RecordException {
        assertThat(belgrade.timestamp("t", "01.03.2024 10:15", "dd.MM.yyyy HH:mm"))
                .isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
        assertThat(belgrade.timestamp("t", "1709287200", TemporalNormalizer.EPOCH_SECONDS))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(belgrade.timestamp("t", "1709287200000", TemporalNormalizer.EPOCH_MILLIS))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void datesIsoAndPattern() throws RecordException {
        assertThat(belgrade.date("birth_date", "1985-03-15", null)).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(belgrade.date("birth_date", "15.03.1985", "dd.MM.yyyy")).isEqualTo(LocalDate.of(1985, 3, 15));
    }

    @Test
    void impossibleDateIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> belgrade.date("birth_date", "31.02.1990", "dd.MM.yyyy"))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATE);
                    assertThat(e.field()).isEqualTo("birth_date");
                    assertThat(e.getMessage()).contains("birth_date", "dd.MM.yyyy");
                });
        assertThatThrownBy(() -> belgrade.timestamp("event_time", "yesterday", null))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.field()).isEqualTo("event_time"));
        assertThatThrownBy(() -> belgrade.timestamp("event_time", "12x", TemporalNormalizer.EPOCH_SECONDS))
                .isInstanceOf(RecordException.class);
    }
}
