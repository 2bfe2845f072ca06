package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;
import java.util.Locale;

/**
 * Fellegi-Sunter parameters: for every field and level, m (how often true matches show that level)
 * and u (how often non-matches do), and lambda, the share of matches among compared pairs. A
 * missing value (level 0) carries no evidence. The match probability of a pattern follows by
 * Bayes' rule under the usual assumption that fields disagree independently.
 */
public final class FellegiSunterModel implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][] m;
    private final double[][] u;
    private final double lambda;
    /** The same m seen from the candidate pairs only (u and lambda among them), or null. */
    private final FellegiSunterModel candidates;

    public FellegiSunterModel(double[][] m, double[][] u, double lambda) {
        this(m, u, lambda, null);
    }

    /**
     * A model of all pairs of records that also asks {@code candidates}, the model of the candidate
     * pairs alone: a pair's match probability is the lower of the two. Among all pairs, u is that of
     * random pairs, which overrates fields that blocking already made agree (names, a shared city
     * and postcode); among the candidates, u is re-estimated, but a candidate set with hardly any
     * non-matches (duplicate-rich data) leaves nothing to learn it from. Each view guards against
     * the other's blind spot.
     */
    public FellegiSunterModel(double[][] m, double[][] u, double lambda, FellegiSunterModel candidates) {
        if (m.length != ComparisonPattern.FIELDS.length || u.length != m.length) {
            throw new IllegalArgumentException("one row of m and u per field expected");
        }
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
        }
        this.m = deepCopy(m);
        this.u = deepCopy(u);
        this.lambda = lambda;
        this.candidates = candidates;
    }

    public double m(MatchField field, int level) {
        return m[field.ordinal()][level];
    }

    public double u(MatchField field, int level) {
        return u[field.ordinal()][level];
    }

    public double lambda() {
        return lambda;
    }

    /** The model of the candidate pairs alone that this one also asks, or null. */
    public FellegiSunterModel candidates() {
        return candidates;
    }

    /** The match weight of one field's level, log2(m/u); 0 for a level that is no evidence (a missing value). */
    public double weight(MatchField field, int level) {
        if (!field.carriesEvidence(level)) {
            return 0;
        }
        return Math.log(m(field, level) / u(field, level)) / Math.log(2);
    }

    /** log2 of the prior odds lambda / (1 - lambda): the match weight of a pair before any field is compared. */
    public double priorWeight() {
        return Math.log(lambda / (1 - lambda)) / Math.log(2);
    }

    /**
     * The view whose odds {@link #matchProbability(int)} reports for this pattern: this model, or
     * the candidates' model when that one is less sure. Its prior and field weights add up to the
     * log2 odds of the probability.
     */
    public FellegiSunterModel decidingView(int pattern) {
        if (candidates == null) {
            return this;
        }
        FellegiSunterModel other = candidates.decidingView(pattern);
        return other.ownProbability(pattern, null, 0) < ownProbability(pattern, null, 0) ? other : this;
    }

    /** The probability that a pair with this pattern is a true match. */
    public double matchProbability(int pattern) {
        return matchProbability(pattern, null);
    }

    /**
     * The probability that a pair with this pattern is a true match, leaving out the evidence of
     * {@code without} (null: all fields): how sure the other fields alone are.
     */
    public double matchProbability(int pattern, MatchField without) {
        return matchProbability(pattern, without, 0);
    }

    /**
     * As {@link #matchProbability(int, MatchField)}, with {@code adjustment} (log-odds, such as a
     * {@link TermFrequencyAdjustment}) added to the evidence in both views.
     */
    public double matchProbability(int pattern, MatchField without, double adjustment) {
        double probability = ownProbability(pattern, without, adjustment);
        return candidates == null
                ? probability
                : Math.min(probability, candidates.matchProbability(pattern, without, adjustment));
    }

    /** The probability of this view alone, without asking the candidates' model. */
    private double ownProbability(int pattern, MatchField without, double adjustment) {
        double logOdds = Math.log(lambda / (1 - lambda)) + adjustment;
        for (MatchField field : ComparisonPattern.FIELDS) {
            int level = ComparisonPattern.level(pattern, field);
            if (field.carriesEvidence(level) && field != without) {
                logOdds += Math.log(m(field, level) / u(field, level));
            }
        }
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** The parameters in a few lines, for logs and benchmarks (no personal data in them). */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "lambda=%.5f", lambda));
        for (MatchField field : ComparisonPattern.FIELDS) {
            text.append("\n  ").append(field.label()).append(':');
            for (int level = 1; level < field.levelCount(); level++) {
                if (!field.carriesEvidence(level)) {
                    text.append(' ').append(field.levelName(level)).append(" no evidence;");
                    continue;
                }
                text.append(String.format(
                        Locale.ROOT,
                        " %s m=%.4f u=%.6f w=%+.2f;",
                        field.levelName(level),
                        m(field, level),
                        u(field, level),
                        weight(field, level)));
            }
        }
        if (candidates != null) {
            text.append(String.format(Locale.ROOT, "%n  among candidate pairs only: lambda=%.5f", candidates.lambda));
        }
        return text.toString();
    }

    private static double[][] deepCopy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
