package dev.rapport.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSentimentScorer {

    private final SentimentScorer scorer = new SentimentScorer();

    @AfterEach
    void close() {
        scorer.close();
    }

    @Test
    void wordsAddTheirWeights() {
        // great +2, thank +1 / late -2, nobody (negation with nothing to turn) -1
        assertThat(scorer.score("Great service, thank you", CommentLanguage.ENGLISH))
                .isEqualTo(new Sentiment(3, 0));
        assertThat(scorer.score("The package arrived a week late and nobody told me why.", CommentLanguage.ENGLISH))
                .isEqualTo(new Sentiment(0, 3));
    }

    @Test
    void aNegationTurnsTheNextSentimentWordAround() {
        // problem -1, not solved: solved +2 turned to -2
        Sentiment sentiment = scorer.score("the problem is still not solved", CommentLanguage.ENGLISH);
        assertThat(sentiment).isEqualTo(new Sentiment(0, 3));
        assertThat(sentiment.label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment.score()).isEqualTo(-1.0);
    }

    @Test
    void aNegationAfterTurnsTheWordBeforeItAround() {
        // بد -2, نبود turns it: "it was not bad" is +2
        assertThat(scorer.score("بد نبود", CommentLanguage.PERSIAN)).isEqualTo(new Sentiment(2, 0));
    }

    @Test
    void everyLanguageScoresItsOwnComplaintAndPraise() {
        assertThat(scorer.score("Проблема так и не решена, ужасно.", CommentLanguage.RUSSIAN)
                        .label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(scorer.score("Быстрая доставка и отличный сервис, спасибо!", CommentLanguage.RUSSIAN)
                        .label())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(scorer.score("Loš kvalitet, nije kao na slici.", CommentLanguage.SERBIAN)
                        .label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(scorer.score("Брза достава и одлична услуга, хвала!", CommentLanguage.SERBIAN)
                        .label())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(scorer.score("Swak gehalte, nie soos beskryf nie.", CommentLanguage.AFRIKAANS)
                        .label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(scorer.score("Uitstekende gehalte, ek sal beslis weer bestel.", CommentLanguage.AFRIKAANS)
                        .label())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(scorer.score("Produktas sugedo po dviejų savaičių.", CommentLanguage.LITHUANIAN)
                        .label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(scorer.score("Puiki kokybė, tikrai užsisakysiu dar kartą.", CommentLanguage.LITHUANIAN)
                        .label())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(scorer.score("محصول بعد از دو هفته خراب شد.", CommentLanguage.PERSIAN)
                        .label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(scorer.score("ارسال سریع و خدمات عالی، ممنونم!", CommentLanguage.PERSIAN)
                        .label())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void textWithoutSentimentWordsIsNeutral() {
        Sentiment sentiment = scorer.score("I ordered a blue chair.", CommentLanguage.ENGLISH);
        assertThat(sentiment).isEqualTo(new Sentiment(0, 0));
        assertThat(sentiment.label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(sentiment.score()).isZero();
    }

    @Test
    void everyLexiconLoads() {
        CommentAnalyzers analyzers = CommentAnalyzers.forSentiment();
        for (CommentLanguage language : CommentLanguage.values()) {
            assertThat(SentimentLexicon.load(language, analyzers.analyzer(language))
                            .size())
                    .as(language.code())
                    .isGreaterThan(30);
        }
        analyzers.close();
    }

    @Test
    void aBadLexiconLineIsNamedWithItsFileAndLine() {
        CommentAnalyzers analyzers = CommentAnalyzers.forSentiment();
        assertThatThrownBy(() -> SentimentLexicon.parse(
                        "x.txt", "# header\n+2 great\n++ good\n", analyzers.analyzer(CommentLanguage.ENGLISH)))
                .hasMessage("x.txt:3: weight '++' is not one of +1..+9, -1..-9, negation, negation-after");
        assertThatThrownBy(() -> SentimentLexicon.parse(
                        "x.txt", "+2 great\n-1 greatly\n-2 greats\n", analyzers.analyzer(CommentLanguage.ENGLISH)))
                .hasMessageContaining("x.txt:3: 'greats' stems to 'great' like line 1");
        analyzers.close();
    }
}
