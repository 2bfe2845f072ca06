package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;

/**
 * A comparison vector packed into one int (one base-5 digit per field), so that millions of
 * candidate pairs reduce to a few thousand distinct patterns for estimation.
 */
public final class ComparisonPattern {

    static final int BASE = 5;
    static final MatchField[] FIELDS = MatchField.values();

    static {
        for (MatchField field : FIELDS) {
            if (field.levelCount() > BASE) {
                throw new IllegalStateException(field + " has more levels than a pattern digit holds");
            }
        }
    }

    private ComparisonPattern() {}

    public static int encode(byte[] levels) {
        int code = 0;
        for (int i = FIELDS.length - 1; i >= 0; i--) {
            code = code * BASE + levels[i];
        }
        return code;
    }

    public static int level(int pattern, MatchField field) {
        int code = pattern;
        for (int i = 0; i < field.ordinal(); i++) {
            code /= BASE;
        }
        return code % BASE;
    }

    /** The level of a field, or 0 (like a missing value) when that level is no evidence of its own. */
    public static int evidenceLevel(int pattern, MatchField field) {
        int level = level(pattern, field);
        return field.carriesEvidence(level) ? level : 0;
    }

    public static byte[] decode(int pattern) {
        byte[] levels = new byte[FIELDS.length];
        int code = pattern;
        for (int i = 0; i < FIELDS.length; i++) {
            levels[i] = (byte) (code % BASE);
            code /= BASE;
        }
        return levels;
    }
}
