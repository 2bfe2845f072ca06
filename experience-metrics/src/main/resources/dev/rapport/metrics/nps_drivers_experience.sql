-- The experience drivers of nps_drivers.sql: one row per (NPS answer on a customer timeline, what
-- its customer had in the 90 days before the answer), plus one row with a NULL driver for every
-- such answer, so that answers with no experience still count in the 'linked' population.
SELECT a.event_id, CAST(NULL AS STRING) AS driver
FROM metrics.customer_timeline AS a
WHERE a.category = 'survey' AND a.survey_type = 'NPS'
UNION ALL
SELECT DISTINCT
    a.event_id,
    CASE
        WHEN e.event_type = 'ticket_opened' THEN 'had_ticket'
        WHEN e.event_type = 'order' THEN 'had_purchase'
        WHEN e.event_type = 'return' THEN 'had_return'
    END AS driver
FROM metrics.customer_timeline AS a
JOIN metrics.customer_timeline AS e
    ON e.customer_id = a.customer_id
    AND e.event_time < a.event_time
    AND e.event_time >= a.event_time - INTERVAL '90' DAY
WHERE a.category = 'survey' AND a.survey_type = 'NPS'
    AND e.event_type IN ('ticket_opened', 'order', 'return')
UNION ALL
SELECT DISTINCT a.event_id, 'had_breached_ticket' AS driver
FROM metrics.customer_timeline AS a
JOIN metrics.customer_timeline AS e
    ON e.customer_id = a.customer_id
    AND e.event_time < a.event_time
    AND e.event_time >= a.event_time - INTERVAL '90' DAY
JOIN metrics.support_sla AS t
    ON t.source = e.source AND t.ticket_id = e.ticket_id
WHERE a.category = 'survey' AND a.survey_type = 'NPS'
    AND e.event_type = 'ticket_opened'
    AND (t.first_response_breached OR t.resolution_breached)
