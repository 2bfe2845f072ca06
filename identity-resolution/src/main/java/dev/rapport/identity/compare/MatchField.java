package dev.rapport.identity.compare;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields two records are compared on, each with its comparison levels. Level 0 always means
 * "one side has no value": it carries no evidence either way. Level 1 is exact agreement and the
 * last level clear disagreement; the levels between are degrees of closeness. A level can also carry
 * no evidence of its own (see {@link #carriesEvidence}).
 */
public enum MatchField {
    GIVEN_NAME("given name", "exact", "close or nickname", "initial or similar", "different"),
    FAMILY_NAME("family name", "exact", "close", "similar", "different"),
    BIRTH_DATE("birth date", "exact", "one-digit typo or day/month swap", "same year", "different"),
    NATIONAL_ID("national id", "exact", "one edit apart", "different"),
    EMAIL("email", "exact", "same local part", "same local part made of the name", "different"),
    PHONE("phone", "exact", "same last digits", "different"),
    POSTCODE("postcode", "exact", "one edit apart", "different"),
    CITY("city", "exact", "close", "different"),
    STREET("street", "exact", "close", "different");

    private final String label;
    private final String[] levels;

    MatchField(String label, String... levels) {
        this.label = label;
        this.levels = levels;
    }

    /** Levels including level 0 (missing). */
    public int levelCount() {
        return levels.length + 1;
    }

    /** The last level: clear disagreement. */
    public int differentLevel() {
        return levels.length;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a level is evidence of its own: not a missing value, and not an email local part made
     * of the name ({@link NameDerivedLocalPart}), which only repeats the names' agreement (Fellegi-Sunter
     * assumes fields agree independently; counting it again would double the names' weight).
     */
    public boolean carriesEvidence(int level) {
        return level != 0 && !(this == EMAIL && level == EMAIL_NAME_DERIVED);
    }

    /** Email level: the same local part at another domain, made of the name. */
    public static final int EMAIL_NAME_DERIVED = 3;

    /** In words, for explanations: {@code levelName(1)} is "exact". */
    public String levelName(int level) {
        return level == 0 ? "missing" : levels[level - 1];
    }

    /** The field's key in {@code identity.match_evidence}: {@code given_name}, {@code birth_date}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level as {@code identity.match_evidence} stores it: its name in snake case, e.g.
     * {@code exact}, {@code close_or_nickname}, {@code one_digit_typo_or_day_month_swap}, {@code missing}.
     */
    public String levelCode(int level) {
        return levelName(level).replaceAll("[^a-z0-9]+", "_");
    }

    /** The field of a {@link #column()} name. */
    public static Optional<MatchField> ofColumn(String column) {
        for (MatchField field : values()) {
            if (field.column().equals(column)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
