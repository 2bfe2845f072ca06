package dev.rapport.metrics.feedback;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The sentiment words of one language, keyed by the analyzer's stem so that every inflection of a
 * listed word counts. Read from {@code dev/rapport/metrics/feedback/sentiment-<code>.txt}: one entry
 * a line, {@code +2 excellent} or {@code -1 problem} (a weight and a word), {@code negation not} (a
 * word that turns the next sentiment word around) or {@code negation-after nabud} (one that turns
 * the sentiment word just before it around, as Persian verbs do). {@code #} starts a comment.
 *
 * <p>The lists were written for Rapport (Apache-2.0, like the rest of the project): common
 * customer-service praise and complaint words of each language, no third-party lexicon. An entry
 * that the analyzer does not turn into exactly one term, or two entries that stem to the same term
 * with different meanings, fail the load with the file and line.
 */
public final class SentimentLexicon {

    private static final String RESOURCES = "/dev/rapport/metrics/feedback/sentiment-";

    private final Map<String, Integer> weights;
    private final Set<String> negations;
    private final Set<String> negationsAfter;

    SentimentLexicon(Map<String, Integer> weights, Set<String> negations, Set<String> negationsAfter) {
        this.weights = Map.copyOf(requireNonNull(weights, "weights is null"));
        this.negations = Set.copyOf(requireNonNull(negations, "negations is null"));
        this.negationsAfter = Set.copyOf(requireNonNull(negationsAfter, "negationsAfter is null"));
    }

    /** The lexicon of a language, its words stemmed by {@code analyzer} (that language's). */
    public static SentimentLexicon load(CommentLanguage language, Analyzer analyzer) {
        String name = RESOURCES + language.code() + ".txt";
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static SentimentLexicon parse(String file, String text, Analyzer analyzer) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, String> meaningOf = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Set<String> negations = new HashSet<>();
        Set<String> negationsAfter = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ":" + lineNumber
                        + ": expected '<weight> <word>' or 'negation <word>', got '" + line + "'");
            }
            String term = stem(file, lineNumber, parts[1], analyzer);
            String meaning = parts[0];
            String earlier = meaningOf.putIfAbsent(term, meaning);
            if (earlier != null) {
                if (!earlier.equals(meaning)) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": '" + parts[1] + "' stems to '"
                            + term + "' like line " + lineOf.get(term) + ", which means " + earlier + ", not "
                            + meaning);
                }
                continue;
            }
            lineOf.put(term, lineNumber);
            switch (meaning) {
                case "negation" -> negations.add(term);
                case "negation-after" -> negationsAfter.add(term);
                default -> weights.put(term, weight(file, lineNumber, meaning));
            }
        }
        return new SentimentLexicon(weights, negations, negationsAfter);
    }

    private static int weight(String file, int line, String text) {
        if (!text.matches("[+-][1-9]")) {
            throw new IllegalArgumentException(file + ":" + line + ": weight '" + text
                    + "' is not one of +1..+9, -1..-9, negation, negation-after");
        }
        return Integer.parseInt(text);
    }

    private static String stem(String file, int line, String word, Analyzer analyzer) {
        List<CommentTerm> terms = CommentTerms.sequence(analyzer, word);
        if (terms.size() != 1) {
            throw new IllegalArgumentException(
                    file + ":" + line + ": '" + word + "' gives " + terms.size() + " terms, expected one");
        }
        return terms.get(0).term();
    }

    /** The weight of a term, 0 when it carries no sentiment. */
    public int weight(String term) {
        return weights.getOrDefault(term, 0);
    }

    public boolean isNegation(String term) {
        return negations.contains(term);
    }

    public boolean isNegationAfter(String term) {
        return negationsAfter.contains(term);
    }

    public int size() {
        return weights.size() + negations.size() + negationsAfter.size();
    }
}
