-- metrics.stage_transitions: how many customers go from one journey stage to the next, by cohort.
-- Grain: one row per (cohort_month, acquisition_channel, from_stage, to_stage) with at least one
-- customer who reached from_stage. Stages, cohorts and the as-of day are those of
-- metrics.journey_stages (journey_stages.sql): this statement reads that table, written by the job
-- before the one that runs it, so the stages are computed once and the funnel reads one row per
-- customer and stage instead of the timeline.
--
-- How: one row per customer with the time of each stage (a hash aggregation, no self-join),
-- unfolded into a row per transition (rapport_stage_transitions, StageTransition) and counted (a
-- hash aggregation); only the converted durations are sorted, per cohort, channel and transition,
-- for their percentiles. Stage times are compared to the millisecond.
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
journeys AS (
    SELECT
        customer_id,
        cohort_month,
        acquisition_channel,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'first_seen') AS first_seen_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'lead') AS lead_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'email_engaged') AS email_engaged_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'first_purchase') AS first_purchase_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'repeat_purchase') AS repeat_purchase_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'support_contact') AS support_contact_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'promoter') AS promoter_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'detractor') AS detractor_at,
        MAX(CAST(reached_at AS TIMESTAMP_LTZ(3))) FILTER (WHERE stage = 'churned') AS churned_at
    FROM metrics.journey_stages
    GROUP BY customer_id, cohort_month, acquisition_channel
),
pairs AS (
    -- per customer, a row per transition whose from stage it reached (the list above, in
    -- StageTransition), with the hours to the to stage when it converted within the window
    SELECT
        j.cohort_month,
        j.acquisition_channel,
        t.transition,
        t.window_days,
        t.hours
    FROM journeys AS j,
        LATERAL TABLE(rapport_stage_transitions(
            ${window_days},
            ${churn_after_days},
            j.first_seen_at,
            j.lead_at,
            j.email_engaged_at,
            j.first_purchase_at,
            j.repeat_purchase_at,
            j.support_contact_at,
            j.promoter_at,
            j.detractor_at,
            j.churned_at)) AS t
),
counts AS (
    SELECT
        cohort_month,
        acquisition_channel,
        transition,
        window_days,
        COUNT(*) AS customers,
        COUNT(hours) AS converted
    FROM pairs
    GROUP BY cohort_month, acquisition_channel, transition, window_days
),
ranked AS (
    -- the converted only, in order of hours (equal hours are interchangeable: the percentile is a
    -- value), with their number beside them from the same sorted pass
    SELECT
        cohort_month,
        acquisition_channel,
        transition,
        hours,
        ROW_NUMBER() OVER (
            PARTITION BY cohort_month, acquisition_channel, transition
            ORDER BY hours) AS hours_rank,
        COUNT(*) OVER (
            PARTITION BY cohort_month, acquisition_channel, transition
            ORDER BY hours
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS converted
    FROM pairs
    WHERE hours IS NOT NULL
),
percentiles AS (
    SELECT
        cohort_month,
        acquisition_channel,
        transition,
        MAX(hours) FILTER (WHERE hours_rank = rapport_nearest_rank(converted, 25)) AS p25_hours,
        MAX(hours) FILTER (WHERE hours_rank = rapport_nearest_rank(converted, 50)) AS median_hours,
        MAX(hours) FILTER (WHERE hours_rank = rapport_nearest_rank(converted, 75)) AS p75_hours,
        MAX(hours) FILTER (WHERE hours_rank = rapport_nearest_rank(converted, 90)) AS p90_hours
    FROM ranked
    GROUP BY cohort_month, acquisition_channel, transition
)
SELECT
    c.cohort_month,
    c.acquisition_channel,
    rapport_transition_stage(c.transition, 'from') AS from_stage,
    rapport_transition_stage(c.transition, 'to') AS to_stage,
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
    AND p.transition = c.transition
