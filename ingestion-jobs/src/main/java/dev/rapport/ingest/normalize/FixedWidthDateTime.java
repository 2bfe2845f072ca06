package dev.rapport.ingest.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the common date-time layouts by position instead of through {@link
 * java.time.format.DateTimeFormatter}, which costs microseconds per value at ingestion rates. A
 * layout is a pattern made only of {@code yyyy}, {@code MM}, {@code dd}, {@code HH}, {@code mm},
 * {@code ss} and separators; a value that does not have the layout exactly, or is not a valid date
 * and time, gives null, and the caller asks the formatter, which then decides (and words the error).
 */
final class FixedWidthDateTime {

    private static final String SEPARATORS = " .-/:,_";

    private final String pattern;
    private final int year;
    private final int month;
    private final int day;
    private final int hour;
    private final int minute;
    private final int second;

    private FixedWidthDateTime(String pattern) {
        this.pattern = pattern;
        this.year = field(pattern, "yyyy");
        this.month = field(pattern, "MM");
        this.day = field(pattern, "dd");
        this.hour = field(pattern, "HH");
        this.minute = field(pattern, "mm");
        this.second = field(pattern, "ss");
    }

    /** The layout of {@code pattern}, or null when the pattern needs the formatter. */
    static FixedWidthDateTime of(String pattern) {
        FixedWidthDateTime layout = new FixedWidthDateTime(pattern);
        boolean date = layout.year >= 0 && layout.month >= 0 && layout.day >= 0;
        boolean time = layout.hour < 0 ? layout.minute < 0 && layout.second < 0 : layout.minute >= 0;
        if (!date || !time) {
            return null;
        }
        // every letter must belong to one of the fields found: no other letter, quote or section
        int fieldLetters = 8 + (layout.hour < 0 ? 0 : 4) + (layout.second < 0 ? 0 : 2);
        int separators = 0;
        for (int i = 0; i < pattern.length(); i++) {
            separators += SEPARATORS.indexOf(pattern.charAt(i)) >= 0 ? 1 : 0;
        }
        return fieldLetters + separators == pattern.length() ? layout : null;
    }

    /** Whether values of this layout carry a time of day. */
    boolean hasTime() {
        return hour >= 0;
    }

    /** The value read by position (midnight without a time), or null when the formatter must decide. */
    LocalDateTime parse(String text) {
        if (text.length() != pattern.length()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char expected = pattern.charAt(i);
            char c = text.charAt(i);
            if (SEPARATORS.indexOf(expected) >= 0 ? c != expected : c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return LocalDateTime.of(
                    number(text, year, 4),
                    number(text, month, 2),
                    number(text, day, 2),
                    hour < 0 ? 0 : number(text, hour, 2),
                    minute < 0 ? 0 : number(text, minute, 2),
                    second < 0 ? 0 : number(text, second, 2));
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /**
     * An ISO-8601 UTC timestamp in its usual form ({@code 2024-03-01T10:15:00Z}, with up to nine
     * digits of fraction), or null for any other form.
     */
    static Instant isoUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return null;
            }
            for (int i = 20; i < length - 1; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                nanos = nanos * 10 + (c - '0');
            }
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return LocalDateTime.of(
                            number(text, 0, 4),
                            number(text, 5, 2),
                            number(text, 8, 2),
                            number(text, 11, 2),
                            number(text, 14, 2),
                            number(text, 17, 2),
                            nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** Where the one run of {@code letters} starts in the pattern; negative when absent, repeated or longer. */
    private static int field(String pattern, String letters) {
        int start = pattern.indexOf(letters);
        if (start < 0) {
            return pattern.indexOf(letters.charAt(0)) < 0 ? -1 : -2;
        }
        int end = start + letters.length();
        boolean longer = end < pattern.length() && pattern.charAt(end) == letters.charAt(0);
        boolean again =
                pattern.indexOf(letters.charAt(0), end) >= 0 || pattern.lastIndexOf(letters.charAt(0), start - 1) >= 0;
        return longer || again ? -2 : start;
    }

    private static int number(String text, int start, int digits) {
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
