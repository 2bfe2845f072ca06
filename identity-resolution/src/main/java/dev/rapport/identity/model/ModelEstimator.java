package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /** Pairs agreeing on both names needed for the first of the two sessions of {@link #estimate}. */
    static final long MIN_NAMESAKE_PAIRS = 100;

    /**
     * What the first session of {@link #estimate} leaves out: the names (every pair it looks at
     * agrees on both) and the city, which repeats the postcode (a postcode lies in one city).
     */
    static final Set<MatchField> LEFT_OUT_OF_FIRST_SESSION =
            Set.of(MatchField.GIVEN_NAME, MatchField.FAMILY_NAME, MatchField.CITY);

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
                counts[field.ordinal()][ComparisonPattern.evidenceLevel(entry.getKey(), field)] += entry.getValue();
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
     *
     * <p>Two sessions, the way Splink trains on blocked pairs. Blocking brings namesakes together by
     * the thousand, and one expectation maximisation over all candidates then takes "the same name"
     * for "the same person": the namesakes that differ on everything else fill its match class and
     * make a different city, phone or street look common among matches. So first, among the pairs
     * whose given and family names both agree exactly (the same person, or a namesake), the names
     * are left out and the other fields learn to tell the two apart; their m is then held while a
     * second session over all candidates learns the names' m, the city's m, every u and lambda.
     * When too few pairs agree on both names ({@link #MIN_NAMESAKE_PAIRS}), one session over all
     * fields is run.
     *
     * <p>The first session leaves the city out too ({@link #LEFT_OUT_OF_FIRST_SESSION}), because it
     * says again what the postcode says. Expectation maximisation splits the pairs into the two
     * classes that best explain which fields agree together, and in a large company the namesakes
     * who live in one postcode, and so in one city, outnumber the true pairs among same-name pairs:
     * with both fields in, "the same place" is the stronger pattern and becomes the match class (at
     * 70,000 persons a different phone then weighed -0.4 where it should weigh about -20). With the
     * place counted once, what agrees together is one person's phone, email, street and place.
     */
    public static FellegiSunterModel estimate(SortedMap<Integer, Long> candidatePatterns, double[][] randomU) {
        SortedMap<Integer, Long> sameName = new TreeMap<>();
        for (Map.Entry<Integer, Long> entry : candidatePatterns.entrySet()) {
            if (ComparisonPattern.level(entry.getKey(), MatchField.GIVEN_NAME) == 1
                    && ComparisonPattern.level(entry.getKey(), MatchField.FAMILY_NAME) == 1) {
                sameName.put(entry.getKey(), entry.getValue());
            }
        }
        long sameNamePairs =
                sameName.values().stream().mapToLong(Long::longValue).sum();
        if (sameNamePairs < MIN_NAMESAKE_PAIRS) {
            return expectationMaximisation(candidatePatterns, randomU, initialM(), EnumSet.noneOf(MatchField.class));
        }
        EnumSet<MatchField> leftOut = EnumSet.copyOf(LEFT_OUT_OF_FIRST_SESSION);
        FellegiSunterModel otherFields = expectationMaximisation(sameName, randomU, initialM(), leftOut);
        double[][] m = initialM();
        for (MatchField field : ComparisonPattern.FIELDS) {
            if (!leftOut.contains(field)) {
                for (int level = 1; level < field.levelCount(); level++) {
                    m[field.ordinal()][level] = otherFields.m(field, level);
                }
            }
        }
        return expectationMaximisation(
                candidatePatterns, randomU, m, EnumSet.complementOf(leftOut), EnumSet.noneOf(MatchField.class));
    }

    private static FellegiSunterModel expectationMaximisation(
            SortedMap<Integer, Long> candidatePatterns,
            double[][] randomU,
            double[][] initialM,
            Set<MatchField> ignored) {
        return expectationMaximisation(candidatePatterns, randomU, initialM, EnumSet.noneOf(MatchField.class), ignored);
    }

    /**
     * One session: the fields in {@code ignored} are treated as missing throughout (their m and u
     * stay as given); m of the fields in {@code heldM} stays as given while their u is re-estimated.
     */
    private static FellegiSunterModel expectationMaximisation(
            SortedMap<Integer, Long> candidatePatterns,
            double[][] randomU,
            double[][] initialM,
            Set<MatchField> heldM,
            Set<MatchField> ignored) {
        double[][] u = new double[randomU.length][];
        for (int i = 0; i < randomU.length; i++) {
            u[i] = randomU[i].clone();
        }
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] m = new double[initialM.length][];
        for (int i = 0; i < initialM.length; i++) {
            m[i] = initialM[i].clone();
        }
        double lambda = INITIAL_LAMBDA;
        long total =
                candidatePatterns.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return new FellegiSunterModel(m, u, lambda);
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] expected = new double[fields.length][];
            double[][] expectedNon = new double[fields.length][];
            for (MatchField field : fields) {
                expected[field.ordinal()] = new double[field.levelCount()];
                expectedNon[field.ordinal()] = new double[field.levelCount()];
            }
            double matches = 0;
            for (Map.Entry<Integer, Long> entry : candidatePatterns.entrySet()) {
                double probability = probability(entry.getKey(), m, u, lambda, ignored);
                double weight = probability * entry.getValue();
                double nonWeight = (1 - probability) * entry.getValue();
                matches += weight;
                for (MatchField field : fields) {
                    int level = ComparisonPattern.evidenceLevel(entry.getKey(), field);
                    expected[field.ordinal()][level] += weight;
                    expectedNon[field.ordinal()][level] += nonWeight;
                }
            }
            for (MatchField field : fields) {
                if (ignored.contains(field)) {
                    continue;
                }
                double[] row = expected[field.ordinal()];
                double present = 0;
                for (int level = 1; level < row.length; level++) {
                    present += row[level];
                }
                if (present <= 0) {
                    continue; // no candidate pair has this field: keep the prior
                }
                if (!heldM.contains(field)) {
                    m[field.ordinal()] = normalized(row, present, null, 0);
                }
                double[] nonRow = expectedNon[field.ordinal()];
                double nonPresent = 0;
                for (int level = 1; level < nonRow.length; level++) {
                    nonPresent += nonRow[level];
                }
                if (nonPresent > 0) {
                    u[field.ordinal()] = normalized(nonRow, nonPresent, randomU[field.ordinal()], U_PRIOR_PAIRS);
                }
            }
            lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
        }
        return new FellegiSunterModel(m, u, lambda);
    }

    /** Shares of {@code counts} (levels 1 on), shrunk towards {@code prior} by {@code priorPairs}, floored. */
    private static double[] normalized(double[] counts, double present, double[] prior, double priorPairs) {
        double[] next = new double[counts.length];
        double sum = 0;
        for (int level = 1; level < counts.length; level++) {
            double priorCount = prior == null ? 0 : priorPairs * prior[level];
            next[level] = Math.max(FLOOR, (counts[level] + priorCount) / (present + priorPairs));
            sum += next[level];
        }
        for (int level = 1; level < counts.length; level++) {
            next[level] /= sum;
        }
        return next;
    }

    /** The match probability of a pattern with the fields in {@code ignored} left out. */
    private static double probability(int pattern, double[][] m, double[][] u, double lambda, Set<MatchField> ignored) {
        double logOdds = Math.log(lambda / (1 - lambda));
        for (MatchField field : ComparisonPattern.FIELDS) {
            int level = ComparisonPattern.evidenceLevel(pattern, field);
            if (level > 0 && !ignored.contains(field)) {
                logOdds += Math.log(m[field.ordinal()][level] / u[field.ordinal()][level]);
            }
        }
        return 1 / (1 + Math.exp(-logOdds));
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
