package dev.rapport.ingest.normalize;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.util.Locale;

/** Survey scores must lie on their survey type's scale: NPS 0-10, CSAT 1-5, CES 1-7. */
public final class SurveyScoreRule {

    public enum SurveyType {
        NPS(0, 10),
        CSAT(1, 5),
        CES(1, 7);

        private final int min;
        private final int max;

        SurveyType(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }
    }

    public SurveyType surveyType(String raw) throws RecordException {
        try {
            return SurveyType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecordException(
                    ErrorCode.UNKNOWN_SURVEY_TYPE, "survey_type", "survey_type is not one of NPS, CSAT, CES");
        }
    }

    public int score(String raw) throws RecordException {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new RecordException(ErrorCode.INVALID_NUMBER, "score", "score is not a whole number");
        }
    }

    public void check(SurveyType type, int score) throws RecordException {
        if (score < type.min() || score > type.max()) {
            throw new RecordException(
                    ErrorCode.SCORE_OUT_OF_RANGE,
                    "score",
                    "score " + score + " is outside the " + type + " scale " + type.min() + "-" + type.max());
        }
    }
}
