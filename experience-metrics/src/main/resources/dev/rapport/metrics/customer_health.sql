-- metrics.customer_health: churn risk of every resolved customer (every customer_id of
-- identity.identity_map), as of one day. Grain: one row per customer_id (not partitioned: a run
-- replaces the table).
--
-- as_of       as in customer_rfm.sql: the config's last day recomputed when set, else the UTC day
--             of the latest event in staging.interactions that is not deleted; later events are
--             ignored, deleted ones everywhere (they are not on the timeline)
-- last_nps, last_nps_at  the customer's latest NPS answer (score 0-10) on or before as_of, by
--             event_time, ties by event_id (metrics.customer_timeline)
-- open_tickets  the customer's tickets (linked through metrics.customer_timeline) whose
--             metrics.support_sla status is open and that were opened on or before as_of; the
--             ticket state is as of support_sla's as_of (the latest event)
-- breached_tickets  of those, past their first-response or resolution target
-- recent_orders  orders in the ${window_days} days ending with as_of
-- previous_orders  orders in the ${window_days} days before those
-- days_since_email_engagement  as_of minus the UTC day of the latest email_open or email_click;
--             NULL when there is none
-- churn_risk, risk_band, reasons  ChurnRiskRule (rapport_churn_risk), an additive model with the
--             weights of the config's metrics.health section
INSERT OVERWRITE metrics.customer_health
WITH
as_of AS (
    ${as_of}
),
customers AS (
    SELECT DISTINCT customer_id FROM `identity`.identity_map
),
events AS (
    SELECT t.customer_id, t.event_id, t.event_time, t.event_type, t.category, t.survey_type, t.score,
        CAST(t.event_time AS DATE) AS event_day, a.as_of
    FROM metrics.customer_timeline AS t
    CROSS JOIN as_of AS a
    WHERE CAST(t.event_time AS DATE) <= a.as_of
),
nps AS (
    SELECT customer_id, score AS last_nps, event_time AS last_nps_at
    FROM (
        SELECT customer_id, score, event_time,
            ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time DESC, event_id DESC) AS latest
        FROM events
        WHERE category = 'survey' AND event_type = 'survey_response' AND survey_type = 'NPS'
            AND score BETWEEN 0 AND 10
    )
    WHERE latest = 1
),
orders AS (
    SELECT
        customer_id,
        COUNT(*) FILTER (WHERE event_day > TIMESTAMPADD(DAY, -${window_days}, as_of)) AS recent_orders,
        COUNT(*) FILTER (WHERE event_day <= TIMESTAMPADD(DAY, -${window_days}, as_of)
            AND event_day > TIMESTAMPADD(DAY, -2 * ${window_days}, as_of)) AS previous_orders
    FROM events
    WHERE event_type = 'order'
    GROUP BY customer_id
),
email AS (
    SELECT customer_id, MAX(event_day) AS last_engaged_day
    FROM events
    WHERE event_type IN ('email_open', 'email_click')
    GROUP BY customer_id
),
ticket_customers AS (
    SELECT DISTINCT t.customer_id, t.source, t.ticket_id
    FROM metrics.customer_timeline AS t
    WHERE t.ticket_id IS NOT NULL
),
tickets AS (
    SELECT
        c.customer_id,
        COUNT(*) AS open_tickets,
        COUNT(*) FILTER (WHERE s.first_response_breached OR s.resolution_breached) AS breached_tickets
    FROM ticket_customers AS c
    JOIN metrics.support_sla AS s ON s.source = c.source AND s.ticket_id = c.ticket_id
    CROSS JOIN as_of AS a
    WHERE s.status = 'open' AND CAST(s.opened_at AS DATE) <= a.as_of
    GROUP BY c.customer_id
),
signals AS (
    SELECT
        c.customer_id,
        a.as_of,
        n.last_nps,
        n.last_nps_at,
        COALESCE(t.open_tickets, 0) AS open_tickets,
        COALESCE(t.breached_tickets, 0) AS breached_tickets,
        COALESCE(o.recent_orders, 0) AS recent_orders,
        COALESCE(o.previous_orders, 0) AS previous_orders,
        CASE WHEN e.last_engaged_day IS NOT NULL
            THEN TIMESTAMPDIFF(DAY, CAST(e.last_engaged_day AS TIMESTAMP(3)), CAST(a.as_of AS TIMESTAMP(3)))
        END AS days_since_email_engagement
    FROM customers AS c
    CROSS JOIN as_of AS a
    LEFT JOIN nps AS n ON n.customer_id = c.customer_id
    LEFT JOIN tickets AS t ON t.customer_id = c.customer_id
    LEFT JOIN orders AS o ON o.customer_id = c.customer_id
    LEFT JOIN email AS e ON e.customer_id = c.customer_id
)
SELECT
    s.customer_id,
    s.as_of,
    r.churn_risk,
    r.risk_band,
    r.reasons,
    s.last_nps,
    s.last_nps_at,
    CAST(s.open_tickets AS INT) AS open_tickets,
    CAST(s.breached_tickets AS INT) AS breached_tickets,
    CAST(s.recent_orders AS INT) AS recent_orders,
    CAST(s.previous_orders AS INT) AS previous_orders,
    s.days_since_email_engagement
FROM signals AS s,
    LATERAL TABLE(rapport_churn_risk(
        s.as_of, s.last_nps, s.last_nps_at, s.open_tickets, s.breached_tickets, s.recent_orders,
        s.previous_orders, s.days_since_email_engagement))
    AS r (churn_risk, risk_band, reasons)
