-- metrics.nps_daily: the Net Promoter Score of each UTC day, channel, touchpoint, comment
-- language and respondent segment, with its 95% confidence interval.
--
-- A response is an interaction with category 'survey', event_type 'survey_response',
-- survey_type 'NPS' and a score from 0 to 10 (ingestion quarantines scores off the scale; the
-- range check here only keeps a bad row out of the sums). CSAT and CES answers and every
-- other event are ignored, and so are deleted answers (deleted_at set: the source deleted them;
-- every metric reads staging.interactions WHERE deleted_at IS NULL).
--
-- One respondent, one voice: when the same respondent answers more than once on the same day
-- for the same channel and touchpoint, only the latest answer counts (ties on event_time are
-- broken by event_id, so the result does not depend on the order rows are read in). The
-- respondent is the source's customer key (customer_source or else source, with customer_ref),
-- else the email match key; an answer with neither is anonymous and always counts. The language
-- is not part of that rule: the latest answer counts, under the language of its comment
-- (comment_language trimmed, 'unknown' when missing or blank), so summing a day's rows over
-- languages gives the per-(day, channel, touchpoint) counts. Segment is not part of it either: the
-- latest answer counts under its segment, so summing over languages and segments gives them too.
--
-- Segment: the RFM segment of the customer the answer belongs to. The customer is the one
-- metrics.customer_timeline links the answer's event_id to (by customer key, else by email; when
-- an email links it to several customers, the smallest customer_id); the segment is that
-- customer's metrics.customer_rfm.rfm_segment (champions, loyal, ..., computed as of one day,
-- customer_rfm's as_of, for all days alike), 'no_purchase' for a resolved customer without an RFM
-- row (no order up to as_of), and 'unknown' for an answer linked to no customer (anonymous, or
-- unresolved). The job fills in the segment and its join (nps_daily_segments.sql): with the
-- timeline it runs this insert after customer_rfm is written; when identity resolution has not run
-- (or for an NPS-only run) there is no join and every segment is 'unknown'.
--
-- Confidence interval (NpsConfidenceInterval): NPS is the mean of +100 (promoter), 0 (passive)
-- and -100 (detractor) over the n responses; its variance is 100^2 * (P + D) / n - nps^2, its
-- standard error sqrt(variance / n), and the interval nps -/+ 1.959964 * se clamped to
-- [-100, 100] (normal approximation).
--
-- day is the UTC date of event_time: the job sets the session time zone to UTC, which
-- CAST(... AS DATE) on a TIMESTAMP_LTZ relies on. A missing or blank channel or touchpoint
-- becomes 'unknown'.
--
-- INSERT OVERWRITE on the month-partitioned table replaces exactly the months that receive rows
-- and leaves every other month alone. The job fills in the time range below: TRUE (every day)
-- or a range of whole months of event_time, so a partition is never replaced by part of its days.
-- Hash distribution sends each month to one writer: one file per month, whatever the parallelism.
INSERT OVERWRITE metrics.nps_daily /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    `day`,
    channel,
    touchpoint,
    responses,
    promoters,
    passives,
    detractors,
    nps,
    `language`,
    GREATEST(CAST(-100 AS DOUBLE), nps - 1.959963984540054 * SQRT(variance / CAST(responses AS DOUBLE)))
        AS nps_ci_low,
    LEAST(CAST(100 AS DOUBLE), nps + 1.959963984540054 * SQRT(variance / CAST(responses AS DOUBLE)))
        AS nps_ci_high,
    segment
FROM (
SELECT
    *,
    -- rounding can take an exact zero a hair below it
    GREATEST(
        CAST(0 AS DOUBLE),
        CAST(10000 * (promoters + detractors) AS DOUBLE) / CAST(responses AS DOUBLE) - nps * nps) AS variance
FROM (
SELECT
    *,
    CAST(100 * (promoters - detractors) AS DOUBLE) / CAST(responses AS DOUBLE) AS nps
FROM (
    SELECT
        `day`,
        channel,
        touchpoint,
        `language`,
        segment,
        COUNT(*) AS responses,
        COUNT(*) FILTER (WHERE score >= 9) AS promoters,
        COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
        COUNT(*) FILTER (WHERE score <= 6) AS detractors
    FROM (
        SELECT
            `day`,
            channel,
            touchpoint,
            `language`,
            segment,
            score,
            ROW_NUMBER() OVER (
                PARTITION BY `day`, channel, touchpoint, respondent
                ORDER BY event_time DESC, event_id DESC) AS answer_rank
        FROM (
            SELECT
                CAST(i.event_time AS DATE) AS `day`,
                COALESCE(NULLIF(TRIM(i.channel), ''), 'unknown') AS channel,
                COALESCE(NULLIF(TRIM(i.touchpoint), ''), 'unknown') AS touchpoint,
                COALESCE(NULLIF(TRIM(i.comment_language), ''), 'unknown') AS `language`,
                ${segment} AS segment,
                i.score,
                i.event_time,
                i.event_id,
                CASE
                    WHEN i.customer_ref IS NOT NULL
                        THEN 'customer:' || COALESCE(i.customer_source, i.source) || ':' || i.customer_ref
                    WHEN i.email_key IS NOT NULL
                        THEN 'email:' || i.email_key
                    ELSE 'event:' || i.event_id
                END AS respondent
            FROM staging.interactions AS i
            ${segment_join}
            WHERE i.category = 'survey'
                AND i.deleted_at IS NULL
                AND i.event_type = 'survey_response'
                AND i.survey_type = 'NPS'
                AND i.score BETWEEN 0 AND 10
                AND ${time_range}
        )
    )
    WHERE answer_rank = 1
    GROUP BY `day`, channel, touchpoint, `language`, segment
)
)
)
