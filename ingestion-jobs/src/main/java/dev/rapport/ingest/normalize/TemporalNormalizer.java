package dev.rapport.ingest.normalize;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and timestamps. Without a format: ISO-8601 dates, and timestamps with an offset or {@code Z}
 * (or without one, read in the source's zone). With a {@code java.time} pattern the value must match
 * it exactly (strict: {@code 31.02.1990} is an error, not 28 February). {@code epoch_seconds} and
 * {@code epoch_millis} read numbers. Every timestamp ends in UTC.
 */
public final class TemporalNormalizer {

    public static final String EPOCH_SECONDS = "epoch_seconds";
    public static final String EPOCH_MILLIS = "epoch_millis";

    private final ZoneId zone;
    // Building a formatter costs more than parsing with it; a source has a handful of patterns.
    private final java.util.Map<String, DateTimeFormatter> formatters = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Optional<FixedWidthDateTime>> layouts = new java.util.HashMap<>();

    public TemporalNormalizer(ZoneId zone) {
        this.zone = java.util.Objects.requireNonNull(zone, "zone is null");
    }

    /** A strict formatter for a pattern; throws IllegalArgumentException when the pattern is invalid. */
    public static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    public LocalDate date(String field, String value, String format) throws RecordException {
        try {
            if (format == null) {
                return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (isEpoch(format)) {
                return timestamp(field, value, format).atZone(zone).toLocalDate();
            }
            LocalDateTime read = byLayout(format, value);
            return read != null
                    ? read.toLocalDate()
                    : LocalDate.from(cached(format).parse(value));
        } catch (DateTimeException e) {
            throw new RecordException(
                    ErrorCode.INVALID_DATE,
                    field,
                    field + " is not a date in the format " + (format == null ? "yyyy-MM-dd (ISO-8601)" : format));
        }
    }

    public Instant timestamp(String field, String value, String format) throws RecordException {
        try {
            if (format == null) {
                return iso(value);
            }
            if (format.equals(EPOCH_SECONDS)) {
                return Instant.ofEpochSecond(Long.parseLong(value.strip()));
            }
            if (format.equals(EPOCH_MILLIS)) {
                return Instant.ofEpochMilli(Long.parseLong(value.strip()));
            }
            LocalDateTime read = byLayout(format, value);
            if (read != null) {
                return read.atZone(zone).toInstant();
            }
            TemporalAccessor parsed = cached(format).parse(value);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant();
            }
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.from(parsed).atZone(zone).toInstant();
            }
            return LocalDate.from(parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new RecordException(
                    ErrorCode.INVALID_DATE,
                    field,
                    field + " is not a timestamp in the format "
                            + (format == null ? "ISO-8601 (2024-03-01T10:15:00Z)" : format));
        }
    }

    /** The value read by the pattern's fixed layout, or null when the formatter must read it. */
    private LocalDateTime byLayout(String pattern, String value) {
        FixedWidthDateTime layout = layouts.computeIfAbsent(
                        pattern, p -> java.util.Optional.ofNullable(FixedWidthDateTime.of(p)))
                .orElse(null);
        if (layout == null) {
            return null;
        }
        LocalDateTime read = layout.parse(value);
        // a date alone starts at the zone's first instant of the day, as the formatter path does
        return read != null && !layout.hasTime()
                ? read.toLocalDate().atStartOfDay(zone).toLocalDateTime()
                : read;
    }

    private DateTimeFormatter cached(String pattern) {
        return formatters.computeIfAbsent(pattern, TemporalNormalizer::formatter);
    }

    private Instant iso(String value) {
        String text = value.strip();
        Instant utc = FixedWidthDateTime.isoUtc(text);
        if (utc != null) {
            return utc;
        }
        // Pick the likely form first: a failed parse throws, and exceptions are slow at this rate.
        if (text.length() == 10) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                        .atStartOfDay(zone)
                        .toInstant();
            } catch (DateTimeException notADate) {
                // fall through to the general order below
            }
        } else if (!hasOffset(text)) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atZone(zone)
                        .toInstant();
            } catch (DateTimeException notLocal) {
                // fall through to the general order below
            }
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException noOffset) {
            // fall through: a local date-time, read in the source's zone
        }
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException noTime) {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                    .atStartOfDay(zone)
                    .toInstant();
        }
    }

    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        if (time < 0) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == 'Z' || last == 'z' || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0;
    }

    public static boolean isEpoch(String format) {
        return EPOCH_SECONDS.equals(format) || EPOCH_MILLIS.equals(format);
    }
}
