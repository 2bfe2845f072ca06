package dev.rapport.metrics.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Lucene's analyzer for each {@link CommentLanguage}: English, Russian, Persian, Lithuanian and
 * Serbian (which folds Cyrillic and Latin into one Latin form without diacritics) are Lucene's own;
 * Lucene has no Afrikaans analyzer, so Afrikaans is the standard tokenizer, lower case, a short
 * Afrikaans stop list ({@code stopwords-af.txt}, written for Rapport) and Snowball's Dutch stemmer,
 * the nearest relative.
 *
 * <p>{@link #forTopics} drops each language's stop words (the terms of a topic); {@link
 * #forSentiment} keeps every word, since negations such as "not", "не" or "nie" are stop words and
 * sentiment needs them. Analyzers are not thread-safe to share across threads' token streams only;
 * an instance of this class belongs to one Flink function instance.
 */
public final class CommentAnalyzers implements AutoCloseable {

    private static final String AFRIKAANS_STOPWORDS = "/dev/rapport/metrics/feedback/stopwords-af.txt";

    private final boolean keepStopWords;
    private final java.util.EnumMap<CommentLanguage, Analyzer> analyzers =
            new java.util.EnumMap<>(CommentLanguage.class);

    private CommentAnalyzers(boolean keepStopWords) {
        this.keepStopWords = keepStopWords;
    }

    /** Analyzers that remove stop words: for the terms of a comment. */
    public static CommentAnalyzers forTopics() {
        return new CommentAnalyzers(false);
    }

    /** Analyzers that keep every word, negations included: for sentiment. */
    public static CommentAnalyzers forSentiment() {
        return new CommentAnalyzers(true);
    }

    public Analyzer analyzer(CommentLanguage language) {
        return analyzers.computeIfAbsent(language, this::create);
    }

    private Analyzer create(CommentLanguage language) {
        CharArraySet none = CharArraySet.EMPTY_SET;
        return switch (language) {
            case ENGLISH -> keepStopWords ? new EnglishAnalyzer(none) : new EnglishAnalyzer();
            case SERBIAN -> keepStopWords ? new SerbianAnalyzer(none) : new SerbianAnalyzer();
            case RUSSIAN -> keepStopWords ? new RussianAnalyzer(none) : new RussianAnalyzer();
            case PERSIAN -> keepStopWords ? new PersianAnalyzer(none) : new PersianAnalyzer();
            case LITHUANIAN -> keepStopWords ? new LithuanianAnalyzer(none) : new LithuanianAnalyzer();
            case AFRIKAANS -> new AfrikaansAnalyzer(keepStopWords ? none : afrikaansStopWords());
        };
    }

    static CharArraySet afrikaansStopWords() {
        try (InputStream in = CommentAnalyzers.class.getResourceAsStream(AFRIKAANS_STOPWORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + AFRIKAANS_STOPWORDS);
            }
            List<String> words = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return CharArraySet.unmodifiableSet(new CharArraySet(words, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AFRIKAANS_STOPWORDS, e);
        }
    }

    @Override
    public void close() {
        analyzers.values().forEach(Analyzer::close);
        analyzers.clear();
    }

    /** Standard tokenizer, lower case, stop words, Snowball's Dutch stemmer. */
    private static final class AfrikaansAnalyzer extends Analyzer {
        private final CharArraySet stopWords;

        AfrikaansAnalyzer(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new StopFilter(result, stopWords);
            result = new SnowballFilter(result, new DutchStemmer());
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
