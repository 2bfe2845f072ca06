-- The tickets behind metrics.support_sla and metrics.support_sla_daily, one row per
-- (source, ticket_id), as a temporary view both statements read (one plan, computed once).
--
-- A ticket is every staging.interactions row with a ticket_id and event_type ticket_opened,
-- ticket_replied, ticket_resolved or ticket_reopened, keyed by its source and ticket_id.
--   opened_at          first ticket_opened, else the ticket's first event
--   priority           on the ticket_opened event (the greatest if several), else on any event;
--                      trimmed, lower case, 'unknown' when missing
--   first_response_at  first ticket_replied (an agent's reply)
--   first_resolved_at  first ticket_resolved
--   resolved_at        the last ticket_resolved when no ticket_reopened came after it; NULL
--                      while the ticket is open
--   reopened           a ticket_reopened came within the reopen window after first_resolved_at
--   first_contact_resolution  resolved at least once and not reopened within the window
-- Targets come from the SLA policy (the VALUES below, filled in from the config); a priority
-- the policy does not name gets the 'normal' targets. A step done later than opened_at + target
-- breaches; a step not done breaches once as_of is past the target (SlaBreachRule), where as_of
-- is the latest event_time in staging.interactions, so reruns over the same data agree.
-- Deleted events (deleted_at set) are ignored everywhere, as_of included: a deleted reply no longer
-- answers the ticket, a ticket whose events are all deleted is no ticket, and a deleted late event
-- does not move the clock.
-- Durations are measured to the second.
CREATE TEMPORARY VIEW default_catalog.default_database.support_tickets AS
WITH
policy AS (
    SELECT * FROM (VALUES
        ${sla_policy}
    ) AS v (priority, first_response_seconds, resolution_seconds)
),
fallback AS (
    SELECT first_response_seconds AS fallback_first_response_seconds,
        resolution_seconds AS fallback_resolution_seconds
    FROM policy
    WHERE priority = 'normal'
),
as_of AS (
    SELECT MAX(event_time) AS as_of FROM staging.interactions WHERE deleted_at IS NULL
),
ticket_steps AS (
    SELECT
        source,
        ticket_id,
        COALESCE(MIN(event_time) FILTER (WHERE event_type = 'ticket_opened'), MIN(event_time)) AS opened_at,
        COALESCE(
            MAX(NULLIF(LOWER(TRIM(priority)), '')) FILTER (WHERE event_type = 'ticket_opened'),
            MAX(NULLIF(LOWER(TRIM(priority)), '')),
            'unknown') AS priority,
        MIN(event_time) FILTER (WHERE event_type = 'ticket_replied') AS first_response_at,
        MIN(event_time) FILTER (WHERE event_type = 'ticket_resolved') AS first_resolved_at,
        MAX(event_time) FILTER (WHERE event_type = 'ticket_resolved') AS last_resolved_at,
        MIN(event_time) FILTER (WHERE event_type = 'ticket_reopened') AS first_reopened_at,
        MAX(event_time) FILTER (WHERE event_type = 'ticket_reopened') AS last_reopened_at
    FROM staging.interactions
    WHERE ticket_id IS NOT NULL
        AND deleted_at IS NULL
        AND event_type IN ('ticket_opened', 'ticket_replied', 'ticket_resolved', 'ticket_reopened')
    GROUP BY source, ticket_id
),
ticket_state AS (
    SELECT
        t.*,
        CASE
            WHEN t.last_resolved_at IS NOT NULL
                    AND (t.last_reopened_at IS NULL OR t.last_resolved_at > t.last_reopened_at)
                THEN t.last_resolved_at
        END AS resolved_at,
        COALESCE(p.first_response_seconds, f.fallback_first_response_seconds) AS first_response_target_seconds,
        COALESCE(p.resolution_seconds, f.fallback_resolution_seconds) AS resolution_target_seconds,
        a.as_of
    FROM ticket_steps AS t
    CROSS JOIN as_of AS a
    CROSS JOIN fallback AS f
    LEFT JOIN policy AS p ON p.priority = t.priority
)
SELECT
    source,
    ticket_id,
    priority,
    opened_at,
    first_response_at,
    first_resolved_at,
    resolved_at,
    CASE WHEN resolved_at IS NULL THEN 'open' ELSE 'resolved' END AS status,
    CAST(TIMESTAMPDIFF(SECOND, opened_at, first_response_at) AS DOUBLE) / 60 AS first_response_minutes,
    CAST(TIMESTAMPDIFF(SECOND, opened_at, resolved_at) AS DOUBLE) / 60 AS resolution_minutes,
    CAST(first_response_target_seconds / 60 AS BIGINT) AS first_response_target_minutes,
    CAST(resolution_target_seconds / 60 AS BIGINT) AS resolution_target_minutes,
    TIMESTAMPDIFF(SECOND, opened_at, COALESCE(first_response_at, as_of)) > first_response_target_seconds
        AS first_response_breached,
    TIMESTAMPDIFF(SECOND, opened_at, COALESCE(resolved_at, as_of)) > resolution_target_seconds
        AS resolution_breached,
    first_reopened_at IS NOT NULL
        AND first_resolved_at IS NOT NULL
        AND first_reopened_at > first_resolved_at
        AND TIMESTAMPDIFF(SECOND, first_resolved_at, first_reopened_at) <= ${reopen_window_seconds}
        AS reopened,
    first_resolved_at IS NOT NULL
        AND NOT (
            first_reopened_at IS NOT NULL
            AND first_reopened_at > first_resolved_at
            AND TIMESTAMPDIFF(SECOND, first_resolved_at, first_reopened_at) <= ${reopen_window_seconds})
        AS first_contact_resolution,
    as_of
FROM ticket_state
