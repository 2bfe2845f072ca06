-- metrics.ces_daily: Customer Effort Score, CES 2.0 (1-7 agreement that the company made it easy: the mean, and the share of 5-7), by UTC day, channel and touchpoint.
--
-- Counted exactly as nps_daily counts (see nps_daily.sql): a response is a survey_response with
-- survey_type 'CES' and a score from 1 to 7; answers without a score, off the scale, of
-- another survey type, and every other event are not responses. One respondent, one voice: per
-- day, channel and touchpoint only the respondent's latest answer counts (ties to the larger
-- event_id); the respondent is the customer key, else the email key, else the answer is anonymous
-- and counts alone. day is the UTC date of event_time; missing channel or touchpoint is 'unknown'.
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
                AND survey_type = 'CES'
                AND score BETWEEN 1 AND 7
                AND ${time_range(event_time)}
        )
    )
    WHERE answer_rank = 1
    GROUP BY `day`, channel, touchpoint
)
