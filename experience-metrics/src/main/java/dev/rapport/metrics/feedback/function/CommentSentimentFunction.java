package dev.rapport.metrics.feedback.function;

import dev.rapport.metrics.feedback.CommentLanguage;
import dev.rapport.metrics.feedback.Sentiment;
import dev.rapport.metrics.feedback.SentimentScorer;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_comment_sentiment(comment, language)}: one row with the comment's sentiment
 * ({@link SentimentScorer}), none for a blank comment or a language Rapport does not analyse.
 */
@FunctionHint(
        output =
                @DataTypeHint(
                        "ROW<sentiment_score DOUBLE, sentiment STRING, positive_weight INT, negative_weight INT>"))
public final class CommentSentimentFunction extends TableFunction<Row> {

    private transient SentimentScorer scorer;

    @Override
    public void open(FunctionContext context) {
        scorer = new SentimentScorer();
    }

    public void eval(String text, String language) {
        if (text == null || text.isBlank()) {
            return;
        }
        CommentLanguage.fromTag(language).ifPresent(l -> {
            if (scorer == null) {
                scorer = new SentimentScorer();
            }
            Sentiment sentiment = scorer.score(text, l);
            collect(Row.of(sentiment.score(), sentiment.label(), sentiment.positive(), sentiment.negative()));
        });
    }

    @Override
    public void close() {
        if (scorer != null) {
            scorer.close();
        }
    }
}
