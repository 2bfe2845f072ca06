package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.normalize.SurveyScoreRule.SurveyType;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import org.junit.jupiter.api.Test;

class TestSurveyScoreRule {

    private final SurveyScoreRule rule = new SurveyScoreRule();

    @Test
    void scoresOnTheirScalePass() {
        assertThatCode(() -> rule.check(SurveyType.NPS, 0)).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(SurveyType.NPS, 10)).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(SurveyType.CSAT, 5)).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(SurveyType.CES, 7)).doesNotThrowAnyException();
    }

    @Test
    void scoresOffTheScaleAreRejected() {
        assertThatThrownBy(() -> rule.check(SurveyType.NPS, 11)).isInstanceOfSatisfying(RecordException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SCORE_OUT_OF_RANGE);
            assertThat(e.getMessage()).contains("NPS", "0-10");
        });
        assertThatThrownBy(() -> rule.check(SurveyType.CSAT, 0)).isInstanceOf(RecordException.class);
        assertThatThrownBy(() -> rule.check(SurveyType.CES, 8)).isInstanceOf(RecordException.class);
    }

    @Test
    void surveyTypeAndScoreParse() throws RecordException {
        assertThat(rule.surveyType(" nps")).isEqualTo(SurveyType.NPS);
        assertThat(rule.score("7")).isEqualTo(7);
        assertThatThrownBy(() -> rule.surveyType("stars"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SURVEY_TYPE));
        assertThatThrownBy(() -> rule.score("7.5"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NUMBER));
    }
}
