package dev.rapport.metrics.feedback.function;

import dev.rapport.metrics.feedback.CommentLanguage;
import dev.rapport.metrics.feedback.LanguageDetector;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code rapport_comment_language(comment_language, comment)}: the ISO 639-1 code of the language
 * to analyse a comment in ({@link LanguageDetector#resolve}), or NULL when neither the record's tag
 * nor the text names one Rapport analyses.
 */
public final class CommentLanguageFunction extends ScalarFunction {

    public String eval(String tag, String text) {
        return LanguageDetector.resolve(tag, text).map(CommentLanguage::code).orElse(null);
    }
}
