package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestFixedWidthDateTime {

    @Test
    void readsTheCommonLayoutsByPosition() {
        assertThat(FixedWidthDateTime.of("dd.MM.yyyy HH:mm:ss").parse("16.04.2024 05:39:37"))
                .isEqualTo(LocalDateTime.of(2024, 4, 16, 5, 39, 37));
        assertThat(FixedWidthDateTime.of("yyyy-MM-dd").parse("1985-03-15"))
                .isEqualTo(LocalDateTime.of(1985, 3, 15, 0, 0));
        assertThat(FixedWidthDateTime.of("MM/dd/yyyy HH:mm").parse("12/31/2023 23:59"))
                .isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 59));
    }

    @Test
    void leavesEveryOtherPatternToTheFormatter() {
        assertThat(FixedWidthDateTime.of("d.M.yyyy")).isNull();
        assertThat(FixedWidthDateTime.of("dd.MM.yy")).isNull();
        assertThat(FixedWidthDateTime.of("yyyy-MM-dd'T'HH:mm:ss")).isNull();
        assertThat(FixedWidthDateTime.of("dd MMM yyyy")).isNull();
        assertThat(FixedWidthDateTime.of("yyyy-MM-dd HH:mm:ss.SSS")).isNull();
        assertThat(FixedWidthDateTime.of("yyyy-MM-dd mm")).isNull();
        assertThat(FixedWidthDateTime.of("dd.MM.yyyy dd")).isNull();
    }

    @Test
    void givesNullForAnythingTheFormatterMustDecide() {
        FixedWidthDateTime layout = FixedWidthDateTime.of("dd.MM.yyyy");
        assertThat(layout.parse("31.02.1990")).isNull();
        assertThat(layout.parse("1.2.1990")).isNull();
        assertThat(layout.parse(" 01.02.1990")).isNull();
        assertThat(layout.parse("01-02-1990")).isNull();
        assertThat(layout.parse("01.02.199x")).isNull();
    }

    /** Wherever the layout reads a value, the strict formatter reads the same; it never reads one the formatter rejects. */
    @Test
    void agreesWithTheStrictFormatterOnRandomValues() {
        Random random = new Random(7);
        for (String pattern :
                new String[] {"dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy", "MM/dd/yyyy HH:mm"}) {
            FixedWidthDateTime layout = FixedWidthDateTime.of(pattern);
            DateTimeFormatter formatter = TemporalNormalizer.formatter(pattern);
            int read = 0;
            for (int i = 0; i < 20_000; i++) {
                String value = randomValue(pattern, random);
                LocalDateTime fast = layout.parse(value);
                LocalDateTime slow = formatted(formatter, value);
                assertThat(fast).as("%s as %s", value, pattern).isEqualTo(slow);
                read += fast == null ? 0 : 1;
            }
            assertThat(read)
                    .as("valid values of %s among the random ones", pattern)
                    .isGreaterThan(1_000);
        }
    }

    @Test
    void readsUtcIsoTimestampsLikeTheIsoFormatter() {
        for (String value : new String[] {
            "2024-04-12T03:45:00.000Z",
            "2025-01-15T00:37:05Z",
            "2024-02-29T23:59:59.123456789Z",
            "2024-03-01T10:15:00.5Z"
        }) {
            assertThat(FixedWidthDateTime.isoUtc(value))
                    .isEqualTo(OffsetDateTime.parse(value).toInstant());
        }
        for (String value : new String[] {
            "2023-02-29T10:00:00Z",
            "2024-03-01T24:00:00Z",
            "2024-03-01T10:15:00+01:00",
            "2024-03-01T10:15:00.Z",
            "2024-03-01 10:15:00Z",
            "2024-3-01T10:15:00Z",
            "2024-03-01T10:15:00.1234567890Z"
        }) {
            assertThat(FixedWidthDateTime.isoUtc(value)).as(value).isNull();
        }
        assertThat(FixedWidthDateTime.isoUtc("2024-03-01T10:15:00Z")).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
    }

    private static LocalDateTime formatted(DateTimeFormatter formatter, String value) {
        try {
            TemporalAccessor parsed = formatter.parse(value);
            return parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.from(parsed)
                    : java.time.LocalDate.from(parsed).atStartOfDay();
        } catch (DateTimeException rejected) {
            return null;
        }
    }

    /** The pattern with each letter replaced by a digit, days up to 39, months up to 19, hours up to 29. */
    private static String randomValue(String pattern, Random random) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean first = i == 0 || pattern.charAt(i - 1) != c;
            if (c == 'd' || c == 'M' || c == 'H') {
                value.append(first ? (char) ('0' + random.nextInt(c == 'M' ? 2 : c == 'H' ? 3 : 4)) : digit(random));
            } else if (c == 'm' || c == 's') {
                value.append(first ? (char) ('0' + random.nextInt(7)) : digit(random));
            } else if (c == 'y') {
                value.append(first ? (char) ('1' + random.nextInt(2)) : digit(random));
            } else {
                value.append(random.nextInt(50) == 0 ? 'x' : c);
            }
        }
        return value.toString();
    }

    private static char digit(Random random) {
        return (char) ('0' + random.nextInt(10));
    }
}
