-- metrics.csat_daily: Customer Satisfaction (share of 4-5 on the 1-5 scale, and the mean score), by UTC day, channel and touchpoint.
--
-- Counted exactly as nps_daily counts (see nps_daily.sql): a response is a survey_response with
-- survey_type 'CSAT' and a score from 1 to 5; answers without a score, off the scale, of
-- another survey type, and every other event are not responses. One respondent, one voice: per
-- day, channel and touchpoint only the respondent's latest answer counts (ties to the larger
-- event_id); the respondent is the customer key, else the email key, else the answer is anonymous
-- and counts alone. day is the UTC date of event_time; missing channel or touchpoint is 'unknown'.
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
    FROM (
        SELECT
            `day`,
            channel,
            touchpoint,
            score,
            ROW_NUMBER() OVER (
                PARTITION BY `day`, channel, touchpoint, respondent
                ORDER BY event_time DESC, event_id DESC) AS answer_rank
        FROM (
            SELECT
                CAST(event_time AS DATE) AS `day`,
                COALESCE(NULLIF(TRIM(channel), ''), 'unknown') AS channel,
                COALESCE(NULLIF(TRIM(touchpoint), ''), 'unknown') AS touchpoint,
                score,
                event_time,
                event_id,
                CASE
                    WHEN customer_ref IS NOT NULL
                        THEN 'customer:' || COALESCE(customer_source, source) || ':' || customer_ref
                    WHEN email_key IS NOT NULL
                        THEN 'email:' || email_key
                    ELSE 'event:' || event_id
                END AS respondent
            FROM staging.interactions
            WHERE category = 'survey'
                AND event_type = 'survey_response'
                AND survey_type = 'CSAT'
                AND score BETWEEN 1 AND 5
                AND ${time_range(event_time)}
        )
    )
    WHERE answer_rank = 1
    GROUP BY `day`, channel, touchpoint
)
