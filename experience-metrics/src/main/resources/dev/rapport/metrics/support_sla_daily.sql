-- metrics.support_sla_daily: one row per UTC day and ticket priority.
--
--   tickets_opened            tickets whose opened_at is that day
--   tickets_breached          of those, tickets that breached either target (as of as_of)
--   tickets_resolved          of those, tickets resolved at least once
--   first_contact_resolutions of those, tickets resolved and not reopened within the window
--   fcr_rate                  first_contact_resolutions / tickets_resolved, NULL when none
--   backlog                   tickets of the priority open at the end of the day (24:00 UTC)
--
-- A ticket is open from opened_at until a ticket_resolved, again from a ticket_reopened until the
-- next ticket_resolved. The backlog is the running sum of those openings (+1) and closings (-1)
-- up to the day. Rows: every day with a ticket event of any priority, for every priority, kept
-- when something was opened, open or changed that day (a day with no rows for a priority has the
-- backlog of its last row before). Written over every day; the range below keeps the run's months.
-- Deleted events (deleted_at set) are ignored, as in support_tickets_view.sql.
INSERT OVERWRITE metrics.support_sla_daily /*+ OPTIONS('distribution-mode' = 'hash') */
WITH
tickets AS (
    SELECT * FROM default_catalog.default_database.support_tickets
),
status_changes AS (
    -- 0 opens, 1 closes; an opening sorts before a closing at the same instant
    SELECT source, ticket_id, priority, opened_at AS changed_at, 0 AS kind, '' AS event_id
    FROM tickets
    UNION ALL
    SELECT t.source, t.ticket_id, t.priority, i.event_time AS changed_at,
        CASE WHEN i.event_type = 'ticket_resolved' THEN 1 ELSE 0 END AS kind,
        i.event_id
    FROM staging.interactions AS i
    JOIN tickets AS t ON t.source = i.source AND t.ticket_id = i.ticket_id
    WHERE i.event_type IN ('ticket_resolved', 'ticket_reopened')
        AND i.deleted_at IS NULL
        AND i.event_time >= t.opened_at
),
deltas AS (
    SELECT
        CAST(changed_at AS DATE) AS `day`,
        priority,
        CASE
            WHEN kind = 0 AND COALESCE(previous_kind, 1) = 1 THEN 1
            WHEN kind = 1 AND previous_kind = 0 THEN -1
            ELSE 0
        END AS delta
    FROM (
        SELECT
            *,
            LAG(kind) OVER (PARTITION BY source, ticket_id ORDER BY changed_at, kind, event_id) AS previous_kind
        FROM status_changes
    )
),
grid AS (
    SELECT d.`day`, p.priority
    FROM (SELECT DISTINCT `day` FROM deltas) AS d
    CROSS JOIN (SELECT DISTINCT priority FROM tickets) AS p
),
daily_deltas AS (
    SELECT
        g.`day`,
        g.priority,
        COALESCE(SUM(d.delta), 0) AS delta,
        COUNT(d.delta) AS changes
    FROM grid AS g
    LEFT JOIN deltas AS d ON d.`day` = g.`day` AND d.priority = g.priority
    GROUP BY g.`day`, g.priority
),
opened AS (
    SELECT
        CAST(opened_at AS DATE) AS `day`,
        priority,
        COUNT(*) AS tickets_opened,
        COUNT(*) FILTER (WHERE first_response_breached OR resolution_breached) AS tickets_breached,
        COUNT(*) FILTER (WHERE first_resolved_at IS NOT NULL) AS tickets_resolved,
        COUNT(*) FILTER (WHERE first_contact_resolution) AS first_contact_resolutions
    FROM tickets
    GROUP BY CAST(opened_at AS DATE), priority
)
SELECT
    b.`day`,
    b.priority,
    COALESCE(o.tickets_opened, 0) AS tickets_opened,
    COALESCE(o.tickets_breached, 0) AS tickets_breached,
    COALESCE(o.tickets_resolved, 0) AS tickets_resolved,
    COALESCE(o.first_contact_resolutions, 0) AS first_contact_resolutions,
    CASE
        WHEN o.tickets_resolved > 0
            THEN CAST(o.first_contact_resolutions AS DOUBLE) / CAST(o.tickets_resolved AS DOUBLE)
    END AS fcr_rate,
    b.backlog
FROM (
    SELECT
        `day`,
        priority,
        changes,
        CAST(SUM(delta) OVER (
            PARTITION BY priority ORDER BY `day` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT)
            AS backlog
    FROM daily_deltas
) AS b
LEFT JOIN opened AS o ON o.`day` = b.`day` AND o.priority = b.priority
WHERE (o.tickets_opened > 0 OR b.backlog > 0 OR b.changes > 0)
    AND ${day_range(b.day)}
