package dev.rapport.metrics.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The tokens of a comment through a language's analyzer: {@link #sequence} in order (for
 * sentiment), {@link #distinct} once each and without terms shorter than three characters or made
 * of digits (for topics).
 */
public final class CommentTerms {

    /** Terms shorter than this say little on their own ("ok", a stray letter). */
    public static final int MIN_TERM_LENGTH = 3;

    private CommentTerms() {}

    public static List<CommentTerm> sequence(Analyzer analyzer, String text) {
        List<CommentTerm> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("comment", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word =
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                terms.add(new CommentTerm(term.toString(), word, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a comment", e);
        }
        return terms;
    }

    /** Each term once, with the first word that gave it, in order of first appearance. */
    public static List<CommentTerm> distinct(Analyzer analyzer, String text) {
        Map<String, CommentTerm> seen = new LinkedHashMap<>();
        for (CommentTerm term : sequence(analyzer, text)) {
            if (term.term().codePointCount(0, term.term().length()) >= MIN_TERM_LENGTH
                    && !term.term().chars().allMatch(Character::isDigit)) {
                seen.putIfAbsent(term.term(), term);
            }
        }
        return List.copyOf(seen.values());
    }
}
