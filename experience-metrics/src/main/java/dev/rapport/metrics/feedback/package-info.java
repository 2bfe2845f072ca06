/**
 * What customers write: {@code metrics.feedback_sentiment} (the sentiment of every comment, in its
 * own language) and {@code metrics.feedback_topics} (what detractors and promoters talk about, per
 * language, and how much each term moves NPS).
 *
 * <p>The rules are pure Java: {@link dev.rapport.metrics.feedback.CommentLanguage} names the six
 * languages comments come in and detects one from the text, {@link
 * dev.rapport.metrics.feedback.CommentAnalyzers} picks Lucene's analyzer for each, {@link
 * dev.rapport.metrics.feedback.CommentTerms} extracts the stemmed terms of a comment and {@link
 * dev.rapport.metrics.feedback.SentimentScorer} scores it against a per-language lexicon. The Flink
 * functions under {@code dev.rapport.metrics.feedback.function} only call them.
 */
package dev.rapport.metrics.feedback;
