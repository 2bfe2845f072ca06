package dev.rapport.metrics.feedback;

import static java.util.Objects.requireNonNull;

/**
 * One term of a comment.
 *
 * @param term the analyzer's output (lower case, stemmed; for Serbian also in Latin script without
 *     diacritics): the key topics are counted by
 * @param word the word as written, lower case, for people to read
 * @param start offset of the word's first character in the comment
 * @param end offset after the word's last character
 */
public record CommentTerm(String term, String word, int start, int end) {

    public CommentTerm {
        requireNonNull(term, "term is null");
        requireNonNull(word, "word is null");
    }
}
