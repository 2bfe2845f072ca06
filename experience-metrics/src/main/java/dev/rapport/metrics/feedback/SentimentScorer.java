package dev.rapport.metrics.feedback;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a comment with the lexicon of its language ({@link SentimentLexicon}) over the terms of
 * the language's analyzer, stop words kept ({@link CommentAnalyzers#forSentiment()}).
 *
 * <p>Each sentiment word adds its weight. A negation ("not", "не", "nie"...) turns around the first
 * sentiment word among the next {@value #NEGATION_REACH} terms ("not solved" is negative, "nothing
 * special" too); a negation-after word turns around a sentiment word among the {@value
 * #NEGATION_AFTER_REACH} terms before it (Persian "بد نبود", "it was not bad"). A negation that turns
 * nothing around counts -1 on its own: complaints say what did not happen ("nobody told me why",
 * "never showed up"). A negation reaches no further than its clause: punctuation (, . ; : ! ?)
 * between it and a sentiment word stops it ("never showed up, I had to fetch it" does not turn
 * "had to" around). Not thread-safe: one instance per Flink function instance.
 */
public final class SentimentScorer implements AutoCloseable {

    static final int NEGATION_REACH = 3;
    static final int NEGATION_AFTER_REACH = 2;

    private final CommentAnalyzers analyzers = CommentAnalyzers.forSentiment();
    private final Map<CommentLanguage, SentimentLexicon> lexicons = new EnumMap<>(CommentLanguage.class);

    public Sentiment score(String text, CommentLanguage language) {
        SentimentLexicon lexicon =
                lexicons.computeIfAbsent(language, l -> SentimentLexicon.load(l, analyzers.analyzer(l)));
        List<CommentTerm> terms = CommentTerms.sequence(analyzers.analyzer(language), text);
        int n = terms.size();
        int[] weights = new int[n];
        boolean[] flipped = new boolean[n];
        int alone = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = lexicon.weight(terms.get(i).term());
        }
        for (int i = 0; i < n; i++) {
            String term = terms.get(i).term();
            if (lexicon.isNegation(term)) {
                int target = -1;
                for (int j = i + 1; j <= Math.min(n - 1, i + NEGATION_REACH); j++) {
                    if (clauseEnds(text, terms.get(j - 1), terms.get(j))) {
                        break;
                    }
                    if (weights[j] != 0) {
                        target = j;
                        break;
                    }
                }
                if (target >= 0 && !flipped[target]) {
                    flipped[target] = true;
                } else if (target < 0) {
                    alone++;
                }
            } else if (lexicon.isNegationAfter(term)) {
                int target = -1;
                for (int j = i - 1; j >= Math.max(0, i - NEGATION_AFTER_REACH); j--) {
                    if (clauseEnds(text, terms.get(j), terms.get(j + 1))) {
                        break;
                    }
                    if (weights[j] != 0) {
                        target = j;
                        break;
                    }
                }
                if (target >= 0 && !flipped[target]) {
                    flipped[target] = true;
                } else if (target < 0) {
                    alone++;
                }
            }
        }
        int positive = 0;
        int negative = alone;
        for (int i = 0; i < n; i++) {
            int weight = flipped[i] ? -weights[i] : weights[i];
            if (weight > 0) {
                positive += weight;
            } else {
                negative -= weight;
            }
        }
        return new Sentiment(positive, negative);
    }

    /** Whether a clause mark stands between two consecutive terms. */
    private static boolean clauseEnds(String text, CommentTerm before, CommentTerm after) {
        for (int k = before.end(); k < after.start() && k < text.length(); k++) {
            if (",.;:!?،؛؟".indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        analyzers.close();
    }
}
