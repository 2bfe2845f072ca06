package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FellegiSunterModel} as rows of {@code identity.match_model}, and back: one row per
 * field and level (1 and up; level 0, a missing value, carries no evidence), with m, u, u among
 * the candidate pairs, and both lambdas repeated on every row. Doubles are stored as they are, so
 * the model read back scores every pair exactly as the one that was stored.
 */
public final class StoredModel {

    /** One row. */
    public record Row(
            String field,
            int level,
            String levelName,
            double m,
            double u,
            Double candidateU,
            double lambda,
            Double candidateLambda)
            implements java.io.Serializable {
        public Row {
            Objects.requireNonNull(field, "field is null");
            Objects.requireNonNull(levelName, "levelName is null");
        }
    }

    private StoredModel() {}

    /** Level of the two rows that hold the name totals of the term-frequency adjustment. */
    static final int TOTALS_LEVEL = 0;

    static final String TOTALS_NAME = "records_with_value";

    public static List<Row> rows(FellegiSunterModel model) {
        return rows(model, new TermFrequencyAdjustment(0, 0));
    }

    /**
     * The rows of {@code model}, and two rows (level 0 of the given and the family name, the count
     * in {@code m}) with the name totals {@code termFrequencies} divides by.
     */
    public static List<Row> rows(FellegiSunterModel model, TermFrequencyAdjustment termFrequencies) {
        Objects.requireNonNull(model, "model is null");
        FellegiSunterModel candidates = model.candidates();
        List<Row> rows = new ArrayList<>();
        for (MatchField field : ComparisonPattern.FIELDS) {
            for (int level = 1; level < field.levelCount(); level++) {
                rows.add(new Row(
                        field.name(),
                        level,
                        field.levelName(level),
                        model.m(field, level),
                        model.u(field, level),
                        candidates == null ? null : candidates.u(field, level),
                        model.lambda(),
                        candidates == null ? null : candidates.lambda()));
            }
        }
        rows.add(new Row(
                MatchField.GIVEN_NAME.name(),
                TOTALS_LEVEL,
                TOTALS_NAME,
                termFrequencies.givenNames(),
                0,
                null,
                model.lambda(),
                null));
        rows.add(new Row(
                MatchField.FAMILY_NAME.name(),
                TOTALS_LEVEL,
                TOTALS_NAME,
                termFrequencies.familyNames(),
                0,
                null,
                model.lambda(),
                null));
        return rows;
    }

    /** The name totals stored with a model; none (no adjustment) for a model stored without them. */
    public static TermFrequencyAdjustment termFrequencies(List<Row> rows) {
        long givenNames = 0;
        long familyNames = 0;
        for (Row row : rows) {
            if (row.level() == TOTALS_LEVEL && row.field().equals(MatchField.GIVEN_NAME.name())) {
                givenNames = (long) row.m();
            } else if (row.level() == TOTALS_LEVEL && row.field().equals(MatchField.FAMILY_NAME.name())) {
                familyNames = (long) row.m();
            }
        }
        return new TermFrequencyAdjustment(givenNames, familyNames);
    }

    /** The model of these rows; fails if a field or level is missing or unknown. */
    public static FellegiSunterModel model(List<Row> rows) {
        MatchField[] fields = ComparisonPattern.FIELDS;
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        double[][] candidateU = new double[fields.length][];
        for (MatchField field : fields) {
            m[field.ordinal()] = new double[field.levelCount()];
            u[field.ordinal()] = new double[field.levelCount()];
            candidateU[field.ordinal()] = new double[field.levelCount()];
        }
        boolean[][] seen = new boolean[fields.length][];
        for (MatchField field : fields) {
            seen[field.ordinal()] = new boolean[field.levelCount()];
        }
        Double lambda = null;
        Double candidateLambda = null;
        boolean withCandidates = true;
        for (Row row : rows) {
            if (row.level() == TOTALS_LEVEL) {
                continue;
            }
            MatchField field;
            try {
                field = MatchField.valueOf(row.field());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("identity.match_model has an unknown field " + row.field(), e);
            }
            if (row.level() < 1 || row.level() >= field.levelCount()) {
                throw new IllegalArgumentException(
                        "identity.match_model has an unknown level " + row.level() + " of " + row.field());
            }
            m[field.ordinal()][row.level()] = row.m();
            u[field.ordinal()][row.level()] = row.u();
            seen[field.ordinal()][row.level()] = true;
            lambda = row.lambda();
            if (row.candidateU() == null || row.candidateLambda() == null) {
                withCandidates = false;
            } else {
                candidateU[field.ordinal()][row.level()] = row.candidateU();
                candidateLambda = row.candidateLambda();
            }
        }
        for (MatchField field : fields) {
            for (int level = 1; level < field.levelCount(); level++) {
                if (!seen[field.ordinal()][level]) {
                    throw new IllegalArgumentException("identity.match_model has no row for " + field.name() + " level "
                            + level + "; run a full resolution that estimates the model");
                }
            }
        }
        FellegiSunterModel candidates = withCandidates ? new FellegiSunterModel(m, candidateU, candidateLambda) : null;
        return new FellegiSunterModel(m, u, lambda, candidates);
    }
}
