-- metrics.stage_transitions: how many customers go from one journey stage to the next, by cohort.
-- Grain: one row per (cohort_month, acquisition_channel, from_stage, to_stage) with at least one
-- customer who reached from_stage. Stages, cohorts and the as-of day are those of
-- metrics.journey_stages (journey_stages.sql), computed by the same query in the same job.
--
-- The transitions measured (from_stage -> to_stage):
--   first_seen -> lead, first_seen -> email_engaged, first_seen -> first_purchase,
--   lead -> first_purchase, email_engaged -> first_purchase,
--   first_purchase -> repeat_purchase, first_purchase -> support_contact,
--   first_purchase -> promoter, first_purchase -> detractor,
--   support_contact -> promoter, support_contact -> detractor,
--   first_purchase -> churned
--
--   customers        customers of the cohort who reached from_stage
--   converted        of those, customers who reached to_stage at or after from_stage and at most
--                    window_days days after it (to_stage reached earlier does not count)
--   window_days      metrics.journey.window_days (default 90); for -> churned, window_days +
--                    churn_after_days, since churn is reached churn_after_days after the last activity:
--                    a buyer whose activity stops within window_days of the first purchase converts
--   conversion_rate  converted / customers
--   p25/median/p75/p90_hours  hours from from_stage to to_stage (to the second) among the converted,
--                    nearest-rank percentiles (NearestRankPercentile): the p-th percentile of n sorted
--                    durations is the one at rank ceil(p/100 * n), always an observed duration;
--                    NULL when nobody converted
-- Customers who reached from_stage less than window_days before the as-of day have not had their
-- whole window yet; they count in customers all the same (recent cohorts read lower).
--
-- Not partitioned: every run replaces the whole table.
INSERT OVERWRITE metrics.stage_transitions
WITH
stages AS (
    ${journey_stages_query}
),
transitions AS (
    SELECT * FROM (VALUES
        ('first_seen', 'lead'),
        ('first_seen', 'email_engaged'),
        ('first_seen', 'first_purchase'),
        ('lead', 'first_purchase'),
        ('email_engaged', 'first_purchase'),
        ('first_purchase', 'repeat_purchase'),
        ('first_purchase', 'support_contact'),
        ('first_purchase', 'promoter'),
        ('first_purchase', 'detractor'),
        ('support_contact', 'promoter'),
        ('support_contact', 'detractor'),
        ('first_purchase', 'churned')
    ) AS v (from_stage, to_stage)
),
windows AS (
    SELECT
        CAST(TRIM(from_stage) AS STRING) AS from_stage,
        CAST(TRIM(to_stage) AS STRING) AS to_stage,
        CASE WHEN TRIM(to_stage) = 'churned' THEN ${window_days} + ${churn_after_days} ELSE ${window_days} END
            AS window_days
    FROM transitions
),
pairs AS (
    SELECT
        f.cohort_month,
        f.acquisition_channel,
        w.from_stage,
        w.to_stage,
        w.window_days,
        f.customer_id,
        CAST(TIMESTAMPDIFF(SECOND, f.reached_at, s.reached_at) AS DOUBLE) / 3600 AS hours
    FROM stages AS f
    JOIN windows AS w ON w.from_stage = f.stage
    LEFT JOIN stages AS s
        ON s.customer_id = f.customer_id
        AND s.stage = w.to_stage
        AND s.reached_at >= f.reached_at
        AND s.reached_at <= TIMESTAMPADD(DAY, w.window_days, f.reached_at)
),
counts AS (
    SELECT
        cohort_month,
        acquisition_channel,
        from_stage,
        to_stage,
        window_days,
        COUNT(*) AS customers,
        COUNT(hours) AS converted
    FROM pairs
    GROUP BY cohort_month, acquisition_channel, from_stage, to_stage, window_days
),
ranked AS (
    SELECT
        cohort_month,
        acquisition_channel,
        from_stage,
        to_stage,
        hours,
        ROW_NUMBER() OVER (
            PARTITION BY cohort_month, acquisition_channel, from_stage, to_stage
            ORDER BY hours, customer_id) AS hours_rank
    FROM pairs
    WHERE hours IS NOT NULL
),
percentiles AS (
    SELECT
        r.cohort_month,
        r.acquisition_channel,
        r.from_stage,
        r.to_stage,
        MAX(r.hours) FILTER (WHERE r.hours_rank = rapport_nearest_rank(c.converted, 25)) AS p25_hours,
        MAX(r.hours) FILTER (WHERE r.hours_rank = rapport_nearest_rank(c.converted, 50)) AS median_hours,
        MAX(r.hours) FILTER (WHERE r.hours_rank = rapport_nearest_rank(c.converted, 75)) AS p75_hours,
        MAX(r.hours) FILTER (WHERE r.hours_rank = rapport_nearest_rank(c.converted, 90)) AS p90_hours
    FROM ranked AS r
    JOIN counts AS c
        ON c.cohort_month = r.cohort_month
        AND c.acquisition_channel = r.acquisition_channel
        AND c.from_stage = r.from_stage
        AND c.to_stage = r.to_stage
    GROUP BY r.cohort_month, r.acquisition_channel, r.from_stage, r.to_stage
)
SELECT
    c.cohort_month,
    c.acquisition_channel,
    c.from_stage,
    c.to_stage,
    c.window_days,
    c.customers,
    c.converted,
    CAST(c.converted AS DOUBLE) / CAST(c.customers AS DOUBLE) AS conversion_rate,
    p.median_hours,
    p.p25_hours,
    p.p75_hours,
    p.p90_hours
FROM counts AS c
LEFT JOIN percentiles AS p
    ON p.cohort_month = c.cohort_month
    AND p.acquisition_channel = c.acquisition_channel
    AND p.from_stage = c.from_stage
    AND p.to_stage = c.to_stage
