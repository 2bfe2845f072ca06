package dev.rapport.identity.compare;

/**
 * The fields two records are compared on, each with its comparison levels. Level 0 always means
 * "one side has no value": it carries no evidence either way. Level 1 is exact agreement and the
 * last level clear disagreement; the levels between are degrees of closeness.
 */
public enum MatchField {
    GIVEN_NAME("given name", "exact", "close or nickname", "initial or similar", "different"),
    FAMILY_NAME("family name", "exact", "close", "similar", "different"),
    BIRTH_DATE("birth date", "exact", "one-digit typo or day/month swap", "same year", "different"),
    NATIONAL_ID("national id", "exact", "one edit apart", "different"),
    EMAIL("email", "exact", "same local part", "different"),
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

    /** In words, for explanations: {@code levelName(1)} is "exact". */
    public String levelName(int level) {
        return level == 0 ? "missing" : levels[level - 1];
    }
}
