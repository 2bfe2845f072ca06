package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;
import java.util.Map;
import java.util.SortedMap;

/**
 * Estimates a {@link FellegiSunterModel} without labels, the way Fellegi-Sunter systems usually
 * do: u from pairs of records drawn at random (almost all of them are different people), then m
 * and lambda by expectation maximisation over the candidate pairs that blocking produced, with u
 * held fixed.
 *
 * <p>Inputs are counts per {@link ComparisonPattern}, in sorted maps, so the floating-point sums
 * are always taken in the same order: the estimate is the same whatever the parallelism was.
 */
public final class ModelEstimator {

    static final int ITERATIONS = 40;
    static final double FLOOR = 1e-6;
    static final double INITIAL_LAMBDA = 0.1;
    /**
     * Pseudo-pairs of the random sample's u that every re-estimate of u is shrunk towards. When
     * blocking finds mostly true matches (small, duplicate-rich data), the non-match class of the
     * candidates is a few hundred pairs, and u estimated from them alone collapses to near zero
     * for rare levels, which turns a disagreement into strong evidence of a match.
     */
    static final double U_PRIOR_PAIRS = 1000;

    private ModelEstimator() {}

    /** u per field and level from random pairs' patterns, with add-one smoothing. */
    public static double[][] estimateU(SortedMap<Integer, Long> randomPatterns) {
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] counts = new double[fields.length][];
        for (MatchField field : fields) {
            counts[field.ordinal()] = new double[field.levelCount()];
        }
        for (Map.Entry<Integer, Long> entry : randomPatterns.entrySet()) {
            for (MatchField field : fields) {
                counts[field.ordinal()][ComparisonPattern.level(entry.getKey(), field)] += entry.getValue();
            }
        }
        double[][] u = new double[fields.length][];
        for (MatchField field : fields) {
            double[] row = counts[field.ordinal()];
            double total = 0;
            for (int level = 1; level < row.length; level++) {
                total += row[level] + 1;
            }
            u[field.ordinal()] = new double[row.length];
            for (int level = 1; level < row.length; level++) {
                u[field.ordinal()][level] = (row[level] + 1) / total;
            }
        }
        return u;
    }

    /**
     * m, u and lambda by expectation maximisation over the candidate pairs' patterns, starting from
     * u of random pairs. u is re-estimated too: non-matches that blocking brought together agree on
     * the blocked fields far more often than random pairs do, and a u held at the random rate would
     * take them all for matches.
     */
    public static FellegiSunterModel estimate(SortedMap<Integer, Long> candidatePatterns, double[][] randomU) {
        double[][] u = new double[randomU.length][];
        for (int i = 0; i < randomU.length; i++) {
            u[i] = randomU[i].clone();
        }
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] m = initialM();
        double lambda = INITIAL_LAMBDA;
        long total =
                candidatePatterns.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return new FellegiSunterModel(m, u, lambda);
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            FellegiSunterModel model = new FellegiSunterModel(m, u, lambda);
            double[][] expected = new double[fields.length][];
            double[][] expectedNon = new double[fields.length][];
            for (MatchField field : fields) {
                expected[field.ordinal()] = new double[field.levelCount()];
                expectedNon[field.ordinal()] = new double[field.levelCount()];
            }
            double matches = 0;
            for (Map.Entry<Integer, Long> entry : candidatePatterns.entrySet()) {
                double probability = model.matchProbability(entry.getKey());
                double weight = probability * entry.getValue();
                double nonWeight = (1 - probability) * entry.getValue();
                matches += weight;
                for (MatchField field : fields) {
                    int level = ComparisonPattern.level(entry.getKey(), field);
                    expected[field.ordinal()][level] += weight;
                    expectedNon[field.ordinal()][level] += nonWeight;
                }
            }
            for (MatchField field : fields) {
                double[] row = expected[field.ordinal()];
                double present = 0;
                for (int level = 1; level < row.length; level++) {
                    present += row[level];
                }
                if (present <= 0) {
                    continue; // no candidate pair has this field: keep the prior
                }
                double[] next = new double[row.length];
                double sum = 0;
                for (int level = 1; level < row.length; level++) {
                    next[level] = Math.max(FLOOR, row[level] / present);
                    sum += next[level];
                }
                for (int level = 1; level < row.length; level++) {
                    next[level] /= sum;
                }
                m[field.ordinal()] = next;
                double[] nonRow = expectedNon[field.ordinal()];
                double nonPresent = 0;
                for (int level = 1; level < nonRow.length; level++) {
                    nonPresent += nonRow[level];
                }
                if (nonPresent > 0) {
                    double[] nextU = new double[nonRow.length];
                    double sumU = 0;
                    double[] prior = randomU[field.ordinal()];
                    for (int level = 1; level < nonRow.length; level++) {
                        nextU[level] = Math.max(
                                FLOOR, (nonRow[level] + U_PRIOR_PAIRS * prior[level]) / (nonPresent + U_PRIOR_PAIRS));
                        sumU += nextU[level];
                    }
                    for (int level = 1; level < nonRow.length; level++) {
                        nextU[level] /= sumU;
                    }
                    u[field.ordinal()] = nextU;
                }
            }
            lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
        }
        return new FellegiSunterModel(m, u, lambda);
    }

    /**
     * The model that scores a pair as one of all pairs of records: m as expectation maximisation
     * estimated it over the candidates, u of random pairs, and as lambda the share of matches among
     * all pairs (the matches EM expects among the candidates, over all pairs of records). Scored
     * with the candidates' own u and lambda, a data set whose candidates are nearly all matches
     * (few records, many duplicates each) leaves EM no non-matches to learn u from, and every
     * candidate pair then looks certain; against all pairs, only real agreement lifts a pair.
     */
    public static FellegiSunterModel forAllPairs(
            FellegiSunterModel candidates, double[][] randomU, long candidatePairs, long records) {
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] m = new double[fields.length][];
        for (MatchField field : fields) {
            m[field.ordinal()] = new double[field.levelCount()];
            for (int level = 1; level < field.levelCount(); level++) {
                m[field.ordinal()][level] = candidates.m(field, level);
            }
        }
        double allPairs = Math.max(1.0, records * (records - 1) / 2.0);
        double lambda = Math.min(0.5, Math.max(FLOOR * FLOOR, candidates.lambda() * candidatePairs / allPairs));
        return new FellegiSunterModel(m, randomU, lambda, candidates);
    }

    /** Agreement is likely among matches: most mass on exact, a little on each other level. */
    static double[][] initialM() {
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] m = new double[fields.length][];
        for (MatchField field : fields) {
            int levels = field.levelCount() - 1;
            double[] row = new double[field.levelCount()];
            row[1] = 0.9;
            for (int level = 2; level <= levels; level++) {
                row[level] = 0.1 / (levels - 1);
            }
            m[field.ordinal()] = row;
        }
        return m;
    }
}
