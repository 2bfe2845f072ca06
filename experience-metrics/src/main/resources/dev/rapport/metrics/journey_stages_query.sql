-- The first time each resolved customer reached each journey stage, as of the end of the as-of day:
-- the query behind metrics.journey_stages (definitions in journey_stages.sql; stage_transitions.sql
-- reads the table it writes). Columns: customer_id, stage, reached_at, channel, cohort_month,
-- acquisition_channel, event_id. MetricStatements fills in the as-of day: a DATE literal when the
-- run's range is set, else the as_of row below, joined in.
WITH
as_of AS (
    -- a deleted event does not move the as-of day: it is not in the timeline either
    SELECT CAST(MAX(event_time) AS DATE) AS as_of_day FROM staging.interactions WHERE deleted_at IS NULL
),
events AS (
    SELECT
        t.customer_id,
        t.event_id,
        t.event_time,
        t.category,
        t.event_type,
        COALESCE(NULLIF(TRIM(t.channel), ''), 'unknown') AS channel,
        t.order_id,
        t.survey_type,
        t.score
    FROM metrics.customer_timeline AS t
    ${as_of_join}
    WHERE CAST(t.event_time AS DATE) <= ${as_of_day}
),
purchases AS (
    SELECT
        customer_id,
        event_id,
        event_time,
        channel,
        ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time, event_id) AS purchase_seq
    FROM (
        SELECT
            customer_id,
            event_id,
            event_time,
            channel,
            ROW_NUMBER() OVER (
                PARTITION BY customer_id, COALESCE(order_id, event_id)
                ORDER BY event_time, event_id) AS order_event_seq
        FROM events
        WHERE event_type = 'order'
    )
    WHERE order_event_seq = 1
),
first_purchase AS (
    SELECT customer_id, event_time AS purchased_at FROM purchases WHERE purchase_seq = 1
),
last_activity AS (
    SELECT customer_id, MAX(event_time) AS last_active_at
    FROM events
    WHERE event_type NOT IN (
        'email_sent', 'email_delivered', 'email_bounce', 'email_machine_open', 'ticket_replied', 'ticket_resolved')
    GROUP BY customer_id
),
candidates AS (
    SELECT customer_id, CAST('first_seen' AS STRING) AS stage, event_time AS reached_at, channel, event_id
    FROM events
    UNION ALL
    SELECT e.customer_id, 'lead', e.event_time, e.channel, e.event_id
    FROM events AS e
    LEFT JOIN first_purchase AS p ON p.customer_id = e.customer_id
    WHERE (e.category = 'web' OR e.event_type = 'email_click')
        AND (p.purchased_at IS NULL OR e.event_time < p.purchased_at)
    UNION ALL
    SELECT m.customer_id, 'lead', r.created_at, CAST('unknown' AS STRING), CAST(NULL AS STRING)
    FROM staging.customer_records AS r
    JOIN `identity`.identity_map AS m ON m.source = r.source AND m.source_id = r.source_id
    ${as_of_join}
    WHERE r.created_at IS NOT NULL AND r.deleted_at IS NULL
        AND CAST(r.created_at AS DATE) <= ${as_of_day}
        AND (LOWER(r.source) LIKE '%crm%' OR LOWER(r.source) LIKE '%lead%')
    UNION ALL
    SELECT customer_id, 'email_engaged', event_time, channel, event_id
    FROM events
    WHERE event_type IN ('email_open', 'email_click')
    UNION ALL
    SELECT customer_id, 'first_purchase', event_time, channel, event_id
    FROM purchases
    WHERE purchase_seq = 1
    UNION ALL
    SELECT customer_id, 'repeat_purchase', event_time, channel, event_id
    FROM purchases
    WHERE purchase_seq = 2
    UNION ALL
    SELECT customer_id, 'support_contact', event_time, channel, event_id
    FROM events
    WHERE event_type = 'ticket_opened'
    UNION ALL
    SELECT customer_id, 'detractor', event_time, channel, event_id
    FROM events
    WHERE category = 'survey' AND event_type = 'survey_response' AND survey_type = 'NPS' AND score BETWEEN 0 AND 6
    UNION ALL
    SELECT customer_id, 'promoter', event_time, channel, event_id
    FROM events
    WHERE category = 'survey' AND event_type = 'survey_response' AND survey_type = 'NPS' AND score BETWEEN 9 AND 10
    UNION ALL
    SELECT l.customer_id, 'churned', TIMESTAMPADD(DAY, ${churn_after_days}, l.last_active_at), 'unknown',
        CAST(NULL AS STRING)
    FROM last_activity AS l
    JOIN first_purchase AS p ON p.customer_id = l.customer_id
    ${as_of_join}
    WHERE CAST(TIMESTAMPADD(DAY, ${churn_after_days}, l.last_active_at) AS DATE) <= ${as_of_day}
),
firsts AS (
    SELECT customer_id, stage, reached_at, channel, event_id
    FROM (
        SELECT
            customer_id,
            stage,
            reached_at,
            channel,
            event_id,
            ROW_NUMBER() OVER (
                PARTITION BY customer_id, stage
                ORDER BY reached_at, COALESCE(event_id, '')) AS stage_rank
        FROM candidates
    )
    WHERE stage_rank = 1
),
cohorts AS (
    SELECT
        customer_id,
        FLOOR(CAST(reached_at AS DATE) TO MONTH) AS cohort_month,
        channel AS acquisition_channel
    FROM firsts
    WHERE stage = 'first_seen'
)
SELECT
    f.customer_id,
    f.stage,
    f.reached_at,
    f.channel,
    c.cohort_month,
    c.acquisition_channel,
    f.event_id
FROM firsts AS f
JOIN cohorts AS c ON c.customer_id = f.customer_id
