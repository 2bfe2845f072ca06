-- metrics.ces_daily: Customer Effort Score, CES 2.0 (1-7 agreement that the company made it easy: the mean, and the share of 5-7), by UTC day, channel and touchpoint.
--
-- Responses are the CES rows of the latest_survey_answers view (survey_answers_view.sql), counted
-- exactly as nps_daily counts: one respondent's latest answer per day, channel and touchpoint.
--
-- easy_share = 100 * easy / responses (scores 5 to 7); mean_score = the mean of the scores.
-- Combine rows by summing easy and responses, and mean_score weighted by responses.
--
-- INSERT OVERWRITE of whole month partitions, as nps_daily.
INSERT OVERWRITE metrics.ces_daily /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    `day`,
    channel,
    touchpoint,
    responses,
    easy,
    CAST(100 * easy AS DOUBLE) / CAST(responses AS DOUBLE) AS easy_share,
    CAST(score_sum AS DOUBLE) / CAST(responses AS DOUBLE) AS mean_score
FROM (
    SELECT
        `day`,
        channel,
        touchpoint,
        COUNT(*) AS responses,
        COUNT(*) FILTER (WHERE score >= 5) AS easy,
        SUM(CAST(score AS BIGINT)) AS score_sum
    FROM default_catalog.default_database.latest_survey_answers
    WHERE survey_type = 'CES'
    GROUP BY `day`, channel, touchpoint
)
