package dev.rapport.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestSurveyResponseParser {

    @Test
    void readsEveryField() {
        SurveyResponse response = SurveyResponseParser.parse(
                "{\"source\": \"surveys\", \"response_id\": \"R-1\", \"survey_type\": \"NPS\", \"score\": 3,"
                        + " \"customer_ref\": \"c1\", \"comment\": \" late \", \"comment_language\": \"en\","
                        + " \"channel\": \"email\", \"touchpoint\": \"delivery\","
                        + " \"responded_at\": \"2024-03-01T10:00:00.000001Z\"}",
                "t/0/5");
        assertThat(response.error).isNull();
        assertThat(response.location).isEqualTo("t/0/5");
        assertThat(response.score).isEqualTo(3);
        assertThat(response.customerSource).as("defaults to the source").isEqualTo("surveys");
        assertThat(response.comment).isEqualTo("late");
        assertThat(response.respondedAtMicros).isEqualTo(1_709_287_200_000_001L);
    }

    @Test
    void badMessagesNameTheFieldAndReason() {
        assertThat(SurveyResponseParser.parse("{oops", "t/0/1").error).startsWith("not JSON: ");
        assertThat(SurveyResponseParser.parse("[1]", "t/0/1").error).isEqualTo("not a JSON object");
        assertThat(SurveyResponseParser.parse(null, "t/0/1").error).isEqualTo("not a JSON object");
        String base = "{\"source\": \"s\", \"response_id\": \"R\", \"survey_type\": \"NPS\", "
                + "\"responded_at\": \"2024-03-01T10:00:00Z\", ";
        assertThat(SurveyResponseParser.parse(base + "\"score\": \"high\"}", "t/0/1").error)
                .isEqualTo("score: must be an integer, got \"high\"");
        assertThat(SurveyResponseParser.parse(base + "\"score\": 2.5}", "t/0/1").error)
                .isEqualTo("score: must be an integer, got 2.5");
        assertThat(SurveyResponseParser.parse(
                                "{\"source\": \"s\", \"survey_type\": \"NPS\", \"score\": 1,"
                                        + " \"responded_at\": \"2024-03-01T10:00:00Z\"}",
                                "t/0/1")
                        .error)
                .isEqualTo("response_id: required");
        assertThat(SurveyResponseParser.parse(
                                base.replace("2024-03-01T10:00:00Z", "yesterday") + "\"score\": 1}", "t/0/1")
                        .error)
                .isEqualTo("responded_at: 'yesterday' is not an ISO-8601 instant");
        assertThat(SurveyResponseParser.parse(base + "\"score\": 1, \"comment\": {\"a\": 1}}", "t/0/1").error)
                .isEqualTo("comment: must be text, not OBJECT");
    }

    @Test
    void onlyReadableNpsDetractorsRaiseAlerts() {
        String base = "{\"source\": \"s\", \"response_id\": \"R\", \"responded_at\": \"2024-03-01T10:00:00Z\", ";
        for (int score = 0; score <= 10; score++) {
            SurveyResponse response =
                    SurveyResponseParser.parse(base + "\"survey_type\": \"nps\", \"score\": " + score + "}", "t/0/1");
            assertThat(DetractorAlertRule.raisesAlert(response))
                    .as("score %d", score)
                    .isEqualTo(score <= 6);
        }
        assertThat(DetractorAlertRule.raisesAlert(
                        SurveyResponseParser.parse(base + "\"survey_type\": \"CSAT\", \"score\": 1}", "t/0/1")))
                .isFalse();
        assertThat(DetractorAlertRule.raisesAlert(
                        SurveyResponseParser.parse(base + "\"survey_type\": \"NPS\", \"score\": -1}", "t/0/1")))
                .isFalse();
        assertThat(DetractorAlertRule.raisesAlert(SurveyResponseParser.parse("{", "t/0/1")))
                .isFalse();
    }
}
