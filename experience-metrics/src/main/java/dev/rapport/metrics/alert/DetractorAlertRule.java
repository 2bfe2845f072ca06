package dev.rapport.metrics.alert;

import dev.rapport.metrics.nps.NpsCategory;
import dev.rapport.metrics.nps.NpsScore;

/**
 * Which responses open the closed loop: a readable NPS answer (survey_type NPS, any case) whose
 * score makes a detractor (0 to 6, {@link NpsScore}). Passives, promoters, CSAT and CES answers,
 * scores off the scale and unreadable messages raise no alert.
 */
public final class DetractorAlertRule {

    private DetractorAlertRule() {}

    public static boolean raisesAlert(SurveyResponse response) {
        return response.error == null
                && "NPS".equalsIgnoreCase(response.surveyType)
                && response.score != null
                && NpsScore.isValid(response.score)
                && NpsScore.classify(response.score) == NpsCategory.DETRACTOR;
    }
}
