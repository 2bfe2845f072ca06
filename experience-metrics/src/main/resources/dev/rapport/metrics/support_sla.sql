-- metrics.support_sla: one row per ticket (source, ticket_id), from the support_tickets view
-- (support_tickets_view.sql, where every column is defined). Partitioned by month(opened_at); a
-- run rewrites the months of opened_at in its range, computed over every event of each ticket.
INSERT OVERWRITE metrics.support_sla /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    source,
    ticket_id,
    priority,
    opened_at,
    first_response_at,
    first_resolved_at,
    resolved_at,
    status,
    first_response_minutes,
    resolution_minutes,
    first_response_target_minutes,
    resolution_target_minutes,
    first_response_breached,
    resolution_breached,
    reopened,
    first_contact_resolution,
    as_of
FROM default_catalog.default_database.support_tickets
WHERE ${time_range(opened_at)}
