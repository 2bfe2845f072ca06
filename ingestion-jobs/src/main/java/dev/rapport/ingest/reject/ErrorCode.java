package dev.rapport.ingest.reject;

/**
 * Why a record went to {@code quarantine.rejected}. The name is stored in the {@code error_code}
 * column, so constants are never renamed, only added.
 */
public enum ErrorCode {
    MALFORMED_CSV(Category.BAD_INPUT),
    MALFORMED_JSON(Category.BAD_INPUT),
    MISSING_REQUIRED_FIELD(Category.BAD_INPUT),
    INVALID_DATE(Category.BAD_INPUT),
    INVALID_NUMBER(Category.BAD_INPUT),
    INVALID_BOOLEAN(Category.BAD_INPUT),
    INVALID_EMAIL(Category.BAD_INPUT),
    INVALID_COUNTRY(Category.BAD_INPUT),
    INVALID_CURRENCY(Category.BAD_INPUT),
    VALUE_NOT_IN_MAP(Category.BAD_INPUT),
    UNKNOWN_EVENT_TYPE(Category.BAD_INPUT),
    UNKNOWN_CATEGORY(Category.BAD_INPUT),
    UNKNOWN_SURVEY_TYPE(Category.BAD_INPUT),
    SCORE_OUT_OF_RANGE(Category.BAD_INPUT),
    MALFORMED_AVRO(Category.BAD_INPUT),
    MALFORMED_CHANGE_EVENT(Category.BAD_INPUT);

    /** Who has to act: bad input is fixed at the source, the rest by whoever runs Rapport. */
    public enum Category {
        BAD_INPUT,
        EXTERNAL,
        INTERNAL
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
