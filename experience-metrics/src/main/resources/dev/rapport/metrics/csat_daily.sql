-- metrics.csat_daily: Customer Satisfaction (share of 4-5 on the 1-5 scale, and the mean score), by UTC day, channel and touchpoint.
--
-- Responses are the CSAT rows of the latest_survey_answers view (survey_answers_view.sql), counted
-- exactly as nps_daily counts: one respondent's latest answer per day, channel and touchpoint.
--
-- csat = 100 * satisfied / responses (scores 4 to 5); mean_score = the mean of the scores.
-- Combine rows by summing satisfied and responses, and mean_score weighted by responses.
--
-- INSERT OVERWRITE of whole month partitions, as nps_daily.
INSERT OVERWRITE metrics.csat_daily /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    `day`,
    channel,
    touchpoint,
    responses,
    satisfied,
    CAST(100 * satisfied AS DOUBLE) / CAST(responses AS DOUBLE) AS csat,
    CAST(score_sum AS DOUBLE) / CAST(responses AS DOUBLE) AS mean_score
FROM (
    SELECT
        `day`,
        channel,
        touchpoint,
        COUNT(*) AS responses,
        COUNT(*) FILTER (WHERE score >= 4) AS satisfied,
        SUM(CAST(score AS BIGINT)) AS score_sum
    FROM default_catalog.default_database.latest_survey_answers
    WHERE survey_type = 'CSAT'
    GROUP BY `day`, channel, touchpoint
)
