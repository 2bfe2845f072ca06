-- The survey answers behind metrics.csat_daily and metrics.ces_daily, as a temporary view both
-- statements read (one plan, computed once). Counted exactly as nps_daily counts (see
-- nps_daily.sql): a response is a survey_response with survey_type 'CSAT' and a score from 1 to 5,
-- or survey_type 'CES' and a score from 1 to 7; answers without a score, off the scale, of another
-- survey type, deleted answers (deleted_at set), and every other event are not responses. One respondent, one voice: per survey
-- type, day, channel and touchpoint only the respondent's latest answer counts (ties to the larger
-- event_id); the respondent is the customer key, else the email key, else the answer is anonymous
-- and counts alone. day is the UTC date of event_time; missing channel or touchpoint is 'unknown'.
CREATE TEMPORARY VIEW default_catalog.default_database.latest_survey_answers AS
SELECT
    survey_type,
    `day`,
    channel,
    touchpoint,
    score
FROM (
    SELECT
        survey_type,
        `day`,
        channel,
        touchpoint,
        score,
        ROW_NUMBER() OVER (
            PARTITION BY survey_type, `day`, channel, touchpoint, respondent
            ORDER BY event_time DESC, event_id DESC) AS answer_rank
    FROM (
        SELECT
            survey_type,
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
            AND deleted_at IS NULL
            AND event_type = 'survey_response'
            AND ((survey_type = 'CSAT' AND score BETWEEN 1 AND 5) OR (survey_type = 'CES' AND score BETWEEN 1 AND 7))
            AND ${time_range(event_time)}
    )
)
WHERE answer_rank = 1
