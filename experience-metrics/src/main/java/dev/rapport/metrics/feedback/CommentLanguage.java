package dev.rapport.metrics.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages Rapport analyses comments in, by ISO 639-1 code. Serbian covers both scripts
 * (Latin and Cyrillic): its analyzer folds them into one form.
 */
public enum CommentLanguage {
    ENGLISH("en"),
    SERBIAN("sr"),
    RUSSIAN("ru"),
    PERSIAN("fa"),
    AFRIKAANS("af"),
    LITHUANIAN("lt");

    private final String code;

    CommentLanguage(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as written in the metric tables. */
    public String code() {
        return code;
    }

    /**
     * The language a record's language or locale field names: {@code sr}, {@code sr-Cyrl},
     * {@code sr_RS}, {@code RU} all count, by their primary subtag. Empty for a blank or
     * unsupported tag.
     */
    public static Optional<CommentLanguage> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (CommentLanguage language : values()) {
            if (language.code.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
