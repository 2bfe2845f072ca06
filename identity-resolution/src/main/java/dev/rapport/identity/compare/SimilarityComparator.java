package dev.rapport.identity.compare;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Compares folded free text such as a city or a street: exact; Jaro-Winkler at least the threshold; different. */
public final class SimilarityComparator {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;

    public SimilarityComparator(double threshold) {
        this.threshold = threshold;
    }

    public int compare(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        return JARO_WINKLER.apply(a, b) >= threshold ? 2 : 3;
    }
}
