-- metrics.ticket_priority: the order in which open support tickets should be worked. Grain: one
-- row per open ticket of metrics.support_sla, (source, ticket_id) (not partitioned: a run
-- replaces the table). Reads metrics.customer_rfm and metrics.customer_health, so it runs after
-- them.
--
-- open        support_sla status 'open', opened on or before as_of (as in customer_rfm.sql)
-- customer_id the customer whose timeline holds the ticket's events (the smallest if several);
--             NULL when the ticket is linked to no resolved customer
-- sla_due_at  opened_at + the resolution target of its priority (the SLA policy)
-- priority_score, reasons  TicketPriorityRule (rapport_ticket_priority): SLA hours left or past,
--             measured at support_sla's as_of (the latest event); churn risk; customer value
--             (m_score); detractor; repeat contact (another ticket of the customer opened in the
--             7 days before this one)
-- priority_rank  1 = work first: by priority_score descending, then opened_at, source, ticket_id
INSERT OVERWRITE metrics.ticket_priority
WITH
as_of AS (
    ${as_of}
),
ticket_customer AS (
    SELECT source, ticket_id, MIN(customer_id) AS customer_id
    FROM metrics.customer_timeline
    WHERE ticket_id IS NOT NULL
    GROUP BY source, ticket_id
),
customer_tickets AS (
    SELECT c.customer_id, s.source, s.ticket_id, s.opened_at
    FROM ticket_customer AS c
    JOIN metrics.support_sla AS s ON s.source = c.source AND s.ticket_id = c.ticket_id
),
open_tickets AS (
    SELECT s.*, a.as_of AS as_of_day
    FROM metrics.support_sla AS s
    CROSS JOIN as_of AS a
    WHERE s.status = 'open' AND CAST(s.opened_at AS DATE) <= a.as_of
),
repeats AS (
    SELECT DISTINCT t.source, t.ticket_id
    FROM open_tickets AS t
    JOIN ticket_customer AS c ON c.source = t.source AND c.ticket_id = t.ticket_id
    JOIN customer_tickets AS o
        ON o.customer_id = c.customer_id
        AND o.opened_at <= t.opened_at
        AND o.opened_at >= t.opened_at - INTERVAL '7' DAY
        AND NOT (o.source = t.source AND o.ticket_id = t.ticket_id)
),
signals AS (
    SELECT
        t.source,
        t.ticket_id,
        c.customer_id,
        t.priority,
        t.opened_at,
        t.as_of AS clock,
        t.resolution_target_minutes,
        r.m_score,
        r.rfm_segment,
        h.churn_risk,
        h.risk_band,
        h.last_nps,
        h.last_nps_at,
        t.as_of_day,
        rp.ticket_id IS NOT NULL AS repeat_contact
    FROM open_tickets AS t
    LEFT JOIN ticket_customer AS c ON c.source = t.source AND c.ticket_id = t.ticket_id
    LEFT JOIN metrics.customer_rfm AS r ON r.customer_id = c.customer_id
    LEFT JOIN metrics.customer_health AS h ON h.customer_id = c.customer_id
    LEFT JOIN repeats AS rp ON rp.source = t.source AND rp.ticket_id = t.ticket_id
),
scored AS (
    SELECT s.*, p.sla_due_at, p.priority_score, p.reasons
    FROM signals AS s,
        LATERAL TABLE(rapport_ticket_priority(
            s.clock, s.opened_at, s.resolution_target_minutes, s.m_score, s.rfm_segment, s.churn_risk,
            s.risk_band, s.last_nps, s.last_nps_at, s.as_of_day, s.repeat_contact))
        AS p (sla_due_at, priority_score, reasons)
)
SELECT
    ticket_id,
    source,
    customer_id,
    priority,
    opened_at,
    sla_due_at,
    priority_score,
    CAST(ROW_NUMBER() OVER (ORDER BY priority_score DESC, opened_at, source, ticket_id) AS INT) AS priority_rank,
    reasons
FROM scored
