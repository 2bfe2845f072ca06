package dev.rapport.metrics.feedback.function;

import dev.rapport.metrics.feedback.CommentAnalyzers;
import dev.rapport.metrics.feedback.CommentLanguage;
import dev.rapport.metrics.feedback.CommentTerm;
import dev.rapport.metrics.feedback.CommentTerms;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_comment_terms(comment, language)}: one row per distinct term of the comment
 * ({@link CommentTerms#distinct}, stop words removed), none for a language Rapport does not analyse.
 */
@FunctionHint(output = @DataTypeHint("ROW<term STRING, word STRING>"))
public final class CommentTermsFunction extends TableFunction<Row> {

    private transient CommentAnalyzers analyzers;

    @Override
    public void open(FunctionContext context) {
        analyzers = CommentAnalyzers.forTopics();
    }

    public void eval(String text, String language) {
        if (text == null || text.isBlank()) {
            return;
        }
        CommentLanguage.fromTag(language).ifPresent(l -> {
            if (analyzers == null) {
                analyzers = CommentAnalyzers.forTopics();
            }
            for (CommentTerm term : CommentTerms.distinct(analyzers.analyzer(l), text)) {
                collect(Row.of(term.term(), term.word()));
            }
        });
    }

    @Override
    public void close() {
        if (analyzers != null) {
            analyzers.close();
        }
    }
}
