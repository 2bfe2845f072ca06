package dev.rapport.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * How well predicted clusters (customers) agree with the true entities, over the same records.
 *
 * <p>Pairwise: a pair of records is a true match when both belong to one entity, a predicted match
 * when both belong to one customer; precision, recall and F1 over those pairs. B-cubed: per record,
 * the share of its customer that is truly its entity (precision) and the share of its entity that
 * is in its customer (recall), averaged over records. Pairwise figures weigh large clusters
 * quadratically; B-cubed weighs every record once, which is closer to what a CDP user sees.
 *
 * @param records records scored
 * @param truePairs pairs of records of one true entity
 * @param predictedPairs pairs of records of one customer
 * @param correctPairs pairs that are both
 * @param customers predicted clusters
 * @param entities true entities
 * @param largestCluster records in the largest predicted cluster
 */
public record ClusterScores(
        long records,
        long truePairs,
        long predictedPairs,
        long correctPairs,
        double bcubedPrecision,
        double bcubedRecall,
        long customers,
        long entities,
        long largestCluster) {

    /**
     * Scores {@code predicted} (record key to customer) against {@code truth} (record key to entity).
     * Only records in the truth are scored; a truth record missing from the prediction (e.g.
     * quarantined) counts as a customer of its own.
     */
    public static ClusterScores score(Map<String, String> truth, Map<String, String> predicted) {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        Map<String, Long> entitySizes = new HashMap<>();
        Map<String, Long> customerSizes = new HashMap<>();
        Map<String, Long> overlapSizes = new HashMap<>();
        Map<String, String> customerOf = new HashMap<>();
        for (Map.Entry<String, String> record : truth.entrySet()) {
            String customer = predicted.get(record.getKey());
            if (customer == null) {
                customer = "\u0000unresolved\u0000" + record.getKey();
            }
            customerOf.put(record.getKey(), customer);
            entitySizes.merge(record.getValue(), 1L, Long::sum);
            customerSizes.merge(customer, 1L, Long::sum);
            overlapSizes.merge(customer + "\u0000" + record.getValue(), 1L, Long::sum);
        }
        double precisionSum = 0;
        double recallSum = 0;
        for (Map.Entry<String, String> record : truth.entrySet()) {
            String customer = customerOf.get(record.getKey());
            long overlap = overlapSizes.get(customer + "\u0000" + record.getValue());
            precisionSum += (double) overlap / customerSizes.get(customer);
            recallSum += (double) overlap / entitySizes.get(record.getValue());
        }
        long records = truth.size();
        return new ClusterScores(
                records,
                pairs(entitySizes),
                pairs(customerSizes),
                pairs(overlapSizes),
                records == 0 ? 1 : precisionSum / records,
                records == 0 ? 1 : recallSum / records,
                customerSizes.size(),
                entitySizes.size(),
                customerSizes.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    public double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    public double f1() {
        return harmonic(precision(), recall());
    }

    public double bcubedF1() {
        return harmonic(bcubedPrecision, bcubedRecall);
    }

    private static double harmonic(double a, double b) {
        return a + b == 0 ? 0 : 2 * a * b / (a + b);
    }

    private static long pairs(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(size -> size * (size - 1) / 2).sum();
    }
}
