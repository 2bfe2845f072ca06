package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.compare.MatchField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestModelEstimator {

    @Test
    void patternsRoundTrip() {
        byte[] levels = {1, 4, 2, 0, 3, 0, 1, 2, 3};
        int pattern = ComparisonPattern.encode(levels);

        assertThat(ComparisonPattern.decode(pattern)).containsExactly(levels);
        assertThat(ComparisonPattern.level(pattern, MatchField.FAMILY_NAME)).isEqualTo(4);
    }

    @Test
    void emSeparatesAgreeingPairsFromDisagreeingOnesWithoutLabels() {
        byte[] allAgree = levels(1);
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        SortedMap<Integer, Long> random = new TreeMap<>();
        random.put(ComparisonPattern.encode(allDiffer), 10_000L);
        random.put(ComparisonPattern.encode(allAgree), 1L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(allAgree), 300L);
        candidates.put(ComparisonPattern.encode(allDiffer), 700L);

        FellegiSunterModel model = ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random));

        assertThat(model.matchProbability(ComparisonPattern.encode(allAgree))).isGreaterThan(0.99);
        assertThat(model.matchProbability(ComparisonPattern.encode(allDiffer))).isLessThan(0.01);
        assertThat(model.lambda()).isBetween(0.25, 0.35);
        // the same input gives the same model, bit for bit
        assertThat(ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random))
                        .describe())
                .isEqualTo(model.describe());
    }

    @Test
    void candidatesThatAreNearlyAllMatchesDoNotMakeWeakAgreementCertain() {
        // a duplicate-rich set: EM over the candidates alone finds hardly any non-matches
        byte[] familyOnly = new byte[MatchField.values().length];
        familyOnly[MatchField.FAMILY_NAME.ordinal()] = 1;
        byte[] allAgree = levels(1);
        SortedMap<Integer, Long> random = new TreeMap<>();
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        random.put(ComparisonPattern.encode(allDiffer), 10_000L);
        random.put(ComparisonPattern.encode(familyOnly), 100L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(allAgree), 900L);
        candidates.put(ComparisonPattern.encode(familyOnly), 100L);
        double[][] randomU = ModelEstimator.estimateU(random);

        FellegiSunterModel amongCandidates = ModelEstimator.estimate(candidates, randomU);
        FellegiSunterModel amongAllPairs = ModelEstimator.forAllPairs(amongCandidates, randomU, 1000, 2000);

        assertThat(amongCandidates.matchProbability(ComparisonPattern.encode(familyOnly)))
                .isGreaterThan(0.9);
        assertThat(amongAllPairs.matchProbability(ComparisonPattern.encode(familyOnly)))
                .isLessThan(0.5);
        assertThat(amongAllPairs.matchProbability(ComparisonPattern.encode(allAgree)))
                .isGreaterThan(0.99);
        assertThat(amongAllPairs.lambda()).isLessThan(0.001);
    }

    @Test
    void namesakesThatDifferOnEverythingElseAreNotTakenForMatches() {
        // blocking on names brings many namesakes (same names, another city, phone and street)
        // and fewer true matches (everything agrees)
        byte[] match = levels(1);
        byte[] namesake = new byte[MatchField.values().length];
        namesake[MatchField.GIVEN_NAME.ordinal()] = 1;
        namesake[MatchField.FAMILY_NAME.ordinal()] = 1;
        for (MatchField field : List.of(MatchField.PHONE, MatchField.POSTCODE, MatchField.CITY, MatchField.STREET)) {
            namesake[field.ordinal()] = (byte) field.differentLevel();
        }
        byte[] familyOnly = levels(0);
        familyOnly[MatchField.FAMILY_NAME.ordinal()] = 1;
        familyOnly[MatchField.GIVEN_NAME.ordinal()] = (byte) MatchField.GIVEN_NAME.differentLevel();
        familyOnly[MatchField.POSTCODE.ordinal()] = 1;
        familyOnly[MatchField.CITY.ordinal()] = 1;
        SortedMap<Integer, Long> random = new TreeMap<>();
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        random.put(ComparisonPattern.encode(allDiffer), 100_000L);
        random.put(ComparisonPattern.encode(namesake), 10L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(match), 500L);
        candidates.put(ComparisonPattern.encode(namesake), 3000L);
        candidates.put(ComparisonPattern.encode(familyOnly), 20_000L);

        FellegiSunterModel model = ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random));

        assertThat(model.matchProbability(ComparisonPattern.encode(namesake))).isLessThan(0.01);
        assertThat(model.matchProbability(ComparisonPattern.encode(match))).isGreaterThan(0.99);
        for (MatchField field : List.of(MatchField.PHONE, MatchField.POSTCODE, MatchField.CITY, MatchField.STREET)) {
            assertThat(model.weight(field, field.differentLevel()))
                    .as(field.label())
                    .isLessThan(-3);
        }
    }

    @Test
    void namesakesInOnePlaceOutnumberingTruePairsDoNotBecomeTheMatchClass() {
        // a large company: among pairs agreeing on both names, the namesakes who live in one postcode
        // (and so one city) outnumber the same person's pairs two to one; fields are missing or
        // differ now and then, as in real records
        SortedMap<Integer, Long> random = new TreeMap<>();
        addIndependent(
                random,
                100_000,
                Map.of(
                        MatchField.GIVEN_NAME, shares(0, 0.01, 0, 0, 0.99),
                        MatchField.FAMILY_NAME, shares(0, 0.01, 0, 0, 0.99),
                        MatchField.EMAIL, shares(0.3, 0, 0, 0, 0.7),
                        MatchField.PHONE, shares(0.3, 0, 0, 0.7),
                        MatchField.POSTCODE, shares(0, 0.02, 0, 0.98),
                        MatchField.CITY, shares(0, 0.03, 0, 0.97),
                        MatchField.STREET, shares(0, 0.001, 0, 0.999)));
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        // the same person: mostly the same contacts and address, a few moved or changed number
        addIndependent(
                candidates,
                500,
                Map.of(
                        MatchField.GIVEN_NAME, shares(0, 1, 0, 0, 0),
                        MatchField.FAMILY_NAME, shares(0, 1, 0, 0, 0),
                        MatchField.EMAIL, shares(0.2, 0.75, 0, 0, 0.05),
                        MatchField.PHONE, shares(0.3, 0.65, 0, 0.05),
                        MatchField.POSTCODE, shares(0, 0.9, 0, 0.1),
                        MatchField.CITY, shares(0, 0.9, 0, 0.1),
                        MatchField.STREET, shares(0.1, 0.8, 0, 0.1)));
        // namesakes in one postcode and city, and namesakes elsewhere
        Map<MatchField, double[]> namesakes = Map.of(
                MatchField.GIVEN_NAME, shares(0, 1, 0, 0, 0),
                MatchField.FAMILY_NAME, shares(0, 1, 0, 0, 0),
                MatchField.EMAIL, shares(0.2, 0, 0, 0, 0.8),
                MatchField.PHONE, shares(0.3, 0, 0, 0.7),
                MatchField.POSTCODE, shares(0, 1, 0, 0),
                MatchField.CITY, shares(0, 1, 0, 0),
                MatchField.STREET, shares(0.1, 0.01, 0, 0.89));
        addIndependent(candidates, 1000, namesakes);
        Map<MatchField, double[]> elsewhere = new EnumMap<>(namesakes);
        elsewhere.put(MatchField.POSTCODE, shares(0, 0, 0, 1));
        elsewhere.put(MatchField.CITY, shares(0, 0, 0, 1));
        elsewhere.put(MatchField.STREET, shares(0.1, 0, 0, 0.9));
        addIndependent(candidates, 20_000, elsewhere);

        FellegiSunterModel model = ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random));

        // about one true pair in 14 has another phone, one in 9 another street (weights near -3.8,
        // -3.2); with the city and the postcode both in the first session, "the same place" became
        // the match class and a different phone or street weighed about -0.5
        for (MatchField field : List.of(MatchField.EMAIL, MatchField.PHONE, MatchField.STREET)) {
            assertThat(model.weight(field, field.differentLevel()))
                    .as(field.label())
                    .isLessThan(-3);
        }
        byte[] namesakeNextDoor = levels(0);
        for (MatchField field :
                List.of(MatchField.GIVEN_NAME, MatchField.FAMILY_NAME, MatchField.POSTCODE, MatchField.CITY)) {
            namesakeNextDoor[field.ordinal()] = 1;
        }
        for (MatchField field : List.of(MatchField.EMAIL, MatchField.PHONE, MatchField.STREET)) {
            namesakeNextDoor[field.ordinal()] = (byte) field.differentLevel();
        }
        byte[] samePerson = namesakeNextDoor.clone();
        for (MatchField field : List.of(MatchField.EMAIL, MatchField.PHONE, MatchField.STREET)) {
            samePerson[field.ordinal()] = 1;
        }
        // among the candidates, where one pair in 40 is a match
        assertThat(model.matchProbability(ComparisonPattern.encode(namesakeNextDoor)))
                .isLessThan(0.05);
        assertThat(model.matchProbability(ComparisonPattern.encode(samePerson))).isGreaterThan(0.99);
    }

    @Test
    void aLevelThatIsNoEvidenceWeighsNothing() {
        byte[] levels = levels(0);
        levels[MatchField.EMAIL.ordinal()] = (byte) MatchField.EMAIL_NAME_DERIVED;
        FellegiSunterModel model = ModelEstimator.estimate(new TreeMap<>(), ModelEstimator.estimateU(new TreeMap<>()));

        assertThat(model.weight(MatchField.EMAIL, MatchField.EMAIL_NAME_DERIVED))
                .isZero();
        assertThat(model.matchProbability(ComparisonPattern.encode(levels)))
                .isEqualTo(model.matchProbability(ComparisonPattern.encode(levels(0))));
    }

    /**
     * Adds {@code total} pairs whose fields take their levels independently, with the shares given
     * per level (index 0: missing); fields not given are missing. Counts are rounded.
     */
    private static void addIndependent(
            SortedMap<Integer, Long> patterns, long total, Map<MatchField, double[]> sharesPerField) {
        addIndependent(patterns, total, new EnumMap<>(sharesPerField), 0, levels(0), 1.0);
    }

    private static void addIndependent(
            SortedMap<Integer, Long> patterns,
            long total,
            EnumMap<MatchField, double[]> sharesPerField,
            int ordinal,
            byte[] levels,
            double share) {
        if (ordinal == MatchField.values().length) {
            long count = Math.round(total * share);
            if (count > 0) {
                patterns.merge(ComparisonPattern.encode(levels), count, Long::sum);
            }
            return;
        }
        double[] shares = sharesPerField.getOrDefault(MatchField.values()[ordinal], shares(1));
        for (int level = 0; level < shares.length; level++) {
            if (shares[level] > 0) {
                byte[] next = levels.clone();
                next[ordinal] = (byte) level;
                addIndependent(patterns, total, sharesPerField, ordinal + 1, next, share * shares[level]);
            }
        }
    }

    private static double[] shares(double... shares) {
        return shares;
    }

    private static byte[] levels(int level) {
        byte[] levels = new byte[MatchField.values().length];
        java.util.Arrays.fill(levels, (byte) level);
        return levels;
    }
}
