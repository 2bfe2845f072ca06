package dev.rapport.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestCommentTerms {

    private final CommentAnalyzers analyzers = CommentAnalyzers.forTopics();

    private List<String> terms(CommentLanguage language, String text) {
        return CommentTerms.distinct(analyzers.analyzer(language), text).stream()
                .map(CommentTerm::term)
                .toList();
    }

    @Test
    void serbianInBothScriptsGivesTheSameTerms() {
        String latin = "Čekao sam pola sata na telefonu i problem i dalje nije rešen.";
        String cyrillic = "Чекао сам пола сата на телефону и проблем и даље није решен.";
        assertThat(terms(CommentLanguage.SERBIAN, cyrillic))
                .isEqualTo(terms(CommentLanguage.SERBIAN, latin))
                .contains("proble", "resen");
    }

    @Test
    void stopWordsShortTermsAndNumbersAreDroppedAndWordsStemmed() {
        List<CommentTerm> english = CommentTerms.distinct(
                analyzers.analyzer(CommentLanguage.ENGLISH), "The delivery was late, 40 deliveries late!");
        assertThat(english).extracting(CommentTerm::term).containsExactly("deliveri", "late");
        assertThat(english).extracting(CommentTerm::word).containsExactly("delivery", "late");
    }

    @Test
    void russianInflectionsShareAStem() {
        assertThat(terms(CommentLanguage.RUSSIAN, "доставка")).isEqualTo(terms(CommentLanguage.RUSSIAN, "доставки"));
        assertThat(terms(CommentLanguage.RUSSIAN, "Доставка стоит дороже самого товара."))
                .doesNotContain("самого");
    }

    @Test
    void afrikaansUsesItsStopListAndTheDutchStemmer() {
        assertThat(terms(CommentLanguage.AFRIKAANS, "Die pakkie het 'n week laat aangekom."))
                .doesNotContain("die", "het", "n")
                .contains("pakkie");
        assertThat(terms(CommentLanguage.AFRIKAANS, "pryse")).isEqualTo(terms(CommentLanguage.AFRIKAANS, "prys"));
    }

    @Test
    void blankTextHasNoTerms() {
        assertThat(terms(CommentLanguage.PERSIAN, " ")).isEmpty();
        assertThat(terms(CommentLanguage.LITHUANIAN, null)).isEmpty();
    }
}
