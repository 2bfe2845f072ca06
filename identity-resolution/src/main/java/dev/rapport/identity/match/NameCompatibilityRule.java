package dev.rapport.identity.match;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether two records sharing an identifier may be the same person, judged by their name keys
 * (transliterated, folded ASCII). It keeps apart a household sharing an email or a phone (same
 * family name, different given names) and colleagues behind one mailbox.
 *
 * <p>Compatible when either record has no name at all, or when the given names agree and the
 * family names agree; a part that one record lacks agrees with anything. Parts agree when equal
 * or close by Jaro-Winkler (a typo, a transliteration variant: "milosevic" and "milosevich").
 */
public final class NameCompatibilityRule {

    /** Given names are short, so only very close ones agree ("ana" and "anna", not "marko" and "mirko"). */
    static final double FIRST_NAME_THRESHOLD = 0.92;

    static final double LAST_NAME_THRESHOLD = 0.9;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameCompatibilityRule() {}

    public static boolean compatible(String firstA, String lastA, String firstB, String lastB) {
        return check(firstA, lastA, firstB, lastB) != NameCheck.DIFFERENT;
    }

    /** The guard's judgement in detail, for the evidence of a link: compatible unless {@link NameCheck#DIFFERENT}. */
    public static NameCheck check(String firstA, String lastA, String firstB, String lastB) {
        if (hasNoName(firstA, lastA) || hasNoName(firstB, lastB)) {
            return NameCheck.MISSING;
        }
        if (!agree(firstA, firstB, FIRST_NAME_THRESHOLD) || !agree(lastA, lastB, LAST_NAME_THRESHOLD)) {
            return NameCheck.DIFFERENT;
        }
        return equalWhereBothHave(firstA, firstB) && equalWhereBothHave(lastA, lastB)
                ? NameCheck.EXACT
                : NameCheck.CLOSE;
    }

    /** How complete a name is: 2 with both parts, 1 with one, 0 with none. Complete names group first. */
    public static int completeness(String first, String last) {
        return (isBlank(first) ? 0 : 1) + (isBlank(last) ? 0 : 1);
    }

    private static boolean hasNoName(String first, String last) {
        return isBlank(first) && isBlank(last);
    }

    private static boolean agree(String a, String b, double threshold) {
        if (isBlank(a) || isBlank(b)) {
            return true;
        }
        String left = a.trim();
        String right = b.trim();
        return left.equals(right) || JARO_WINKLER.apply(left, right) >= threshold;
    }

    private static boolean equalWhereBothHave(String a, String b) {
        return isBlank(a) || isBlank(b) || a.trim().equals(b.trim());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
