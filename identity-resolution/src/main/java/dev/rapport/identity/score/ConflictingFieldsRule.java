package dev.rapport.identity.score;

import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;

/**
 * Whether a clear conflict on a field a person has only one of (birth date, national id) keeps two
 * records apart. Each such disagreement is a comparison level with its own estimated weight, so it
 * already lowers the match probability; on top of that it vetoes the link unless the pair's other
 * fields, without the conflicting one, are overwhelming (a match probability of at least
 * {@code overwhelming}). So a namesake, or a relative at the same address, stays apart, while a
 * record whose birth date was badly typed but whose name, email and city all agree joins its
 * person. The same national id on both sides lifts a birth-date conflict: the date is the mistake.
 */
public final class ConflictingFieldsRule {

    private final double overwhelming;

    public ConflictingFieldsRule(double overwhelming) {
        if (!(overwhelming > 0 && overwhelming < 1)) {
            throw new IllegalArgumentException("overwhelming must be between 0 and 1, got " + overwhelming);
        }
        this.overwhelming = overwhelming;
    }

    /** Whether the pair with this pattern may link as far as conflicting fields go. */
    public boolean allows(int pattern, FellegiSunterModel model) {
        return allows(pattern, model, 0);
    }

    /** As {@link #allows(int, FellegiSunterModel)} with {@code adjustment} added to the pair's log-odds. */
    public boolean allows(int pattern, FellegiSunterModel model, double adjustment) {
        boolean sameNationalId = ComparisonPattern.level(pattern, MatchField.NATIONAL_ID) == 1;
        if (!sameNationalId
                && differ(pattern, MatchField.BIRTH_DATE)
                && !overwhelmingWithout(pattern, model, MatchField.BIRTH_DATE, adjustment)) {
            return false;
        }
        return !differ(pattern, MatchField.NATIONAL_ID)
                || overwhelmingWithout(pattern, model, MatchField.NATIONAL_ID, adjustment);
    }

    private boolean overwhelmingWithout(int pattern, FellegiSunterModel model, MatchField field, double adjustment) {
        return model.matchProbability(pattern, field, adjustment) >= overwhelming;
    }

    private static boolean differ(int pattern, MatchField field) {
        return clearlyDifferent(field, ComparisonPattern.level(pattern, field));
    }

    /**
     * Whether a comparison level of the field is a clear conflict (for a birth date: not equal, not a
     * typo or a day/month swap, not the same year; for a national id: more than one edit apart). The
     * clustering's guard judges whole customers with the same notion ({@link
     * dev.rapport.identity.cluster.ExclusiveIdentifierRule}).
     */
    public static boolean clearlyDifferent(MatchField field, int level) {
        return level == field.differentLevel();
    }
}
