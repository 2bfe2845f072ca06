package dev.rapport.identity.compare;

import java.util.Arrays;

/**
 * The outcome of comparing two records: a level per {@link MatchField} (by ordinal) and whether the
 * over-merge guard forbids linking them.
 */
public record Comparison(byte[] levels, boolean guarded) {

    public Comparison {
        if (levels.length != MatchField.values().length) {
            throw new IllegalArgumentException("one level per field expected, got " + levels.length);
        }
        levels = levels.clone();
    }

    public int level(MatchField field) {
        return levels[field.ordinal()];
    }

    @Override
    public byte[] levels() {
        return levels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Comparison that && guarded == that.guarded && Arrays.equals(levels, that.levels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(levels) + Boolean.hashCode(guarded);
    }

    @Override
    public String toString() {
        return Arrays.toString(levels) + (guarded ? " guarded" : "");
    }
}
