package dev.rapport.identity.compare;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares identifiers and postcodes, where closeness is counted in edits, not sounds: exact; one
 * edit apart (a typo) or two adjacent characters transposed; different.
 */
public final class EditDistanceComparator {

    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    public int compare(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        return ONE_EDIT.apply(a, b) >= 0 || BirthDateComparator.isTypo(a, b) ? 2 : 3;
    }
}
