package dev.rapport.ingest.map;

import dev.rapport.ingest.config.FieldSpec;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.normalize.TemporalNormalizer;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.time.Instant;
import java.time.LocalDate;

/** The mapped text of one source row's canonical fields, with typed access that names the field on error. */
final class MappedRecord {

    private final SourceConfig source;
    private final SourceRow row;
    private final TemporalNormalizer temporal;

    MappedRecord(SourceConfig source, SourceRow row, TemporalNormalizer temporal) {
        this.source = source;
        this.row = row;
        this.temporal = temporal;
    }

    /** The field's text, or null when it is not mapped or empty. */
    String text(String field) throws RecordException {
        FieldSpec spec = source.mapping().get(field);
        return spec == null ? null : FieldReader.read(field, spec, row);
    }

    String required(String field) throws RecordException {
        String value = text(field);
        if (value == null) {
            FieldSpec spec = source.mapping().get(field);
            throw new RecordException(
                    ErrorCode.MISSING_REQUIRED_FIELD,
                    field,
                    field + " is required but "
                            + (spec != null && spec.column() != null
                                    ? "column " + spec.column() + " is empty or missing"
                                    : "the mapping gives no value"));
        }
        return value;
    }

    LocalDate date(String field) throws RecordException {
        String value = text(field);
        return value == null ? null : temporal.date(field, value, format(field));
    }

    Instant timestamp(String field) throws RecordException {
        String value = text(field);
        return value == null ? null : temporal.timestamp(field, value, format(field));
    }

    Instant requiredTimestamp(String field) throws RecordException {
        return temporal.timestamp(field, required(field), format(field));
    }

    private String format(String field) {
        FieldSpec spec = source.mapping().get(field);
        return spec == null ? null : spec.format();
    }
}
