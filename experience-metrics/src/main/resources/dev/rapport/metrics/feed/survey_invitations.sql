-- feeds.survey_invitations: who should be asked what, on which channel, on the as-of day
-- (${as_of}). At most one invitation per customer per day, the first that applies of:
--   CES   a support ticket of theirs resolved in the last ${ces_after_days} days (trigger
--         ticket_resolved, the ticket id), with no CES answer after the resolution;
--   CSAT  an order of theirs in the last ${csat_after_days} days (trigger purchase, the order id),
--         with no CSAT answer after the order;
--   NPS   relationship NPS: active in the last 365 days and no NPS answer in the last
--         ${nps_every_days} days (trigger relationship).
-- Fatigue cap: nobody who answered any survey, or was invited (earlier days of this table), in
-- the last ${fatigue_days} days. Channel: email when the customer has an address and email consent
-- allows it, else sms when they have a phone number and sms consent allows it, else web (an
-- on-site survey) when they visited the web in the last 30 days; customers reachable on none are
-- not invited. 'unknown' consent allows unless feed.require_explicit_consent is set.
--
-- Partitioned by as_of: a run replaces its own day only, so a rerun writes the same rows and the
-- history of earlier invitations (which the fatigue cap reads) stays.
INSERT OVERWRITE feeds.survey_invitations
WITH
answered AS (
    SELECT customer_id, survey_type, MAX(event_time) AS answered_at
    FROM metrics.customer_timeline
    WHERE category = 'survey' AND score IS NOT NULL AND event_time < ${until}
    GROUP BY customer_id, survey_type
),
tired AS (
    SELECT customer_id FROM answered WHERE answered_at >= ${since(fatigue_days)}
    UNION
    SELECT customer_id FROM feeds.survey_invitations
    WHERE as_of < ${as_of} AND as_of > ${day(fatigue_days)}
),
resolved_tickets AS (
    SELECT t.customer_id, s.ticket_id, s.resolved_at
    FROM metrics.support_sla AS s
    JOIN (SELECT DISTINCT customer_id, ticket_id FROM metrics.customer_timeline WHERE ticket_id IS NOT NULL) AS t
        ON t.ticket_id = s.ticket_id
    WHERE s.resolved_at >= ${since(ces_after_days)} AND s.resolved_at < ${until}
),
ces AS (
    SELECT r.customer_id, 'CES' AS survey_type, 1 AS rule_order, 'ticket_resolved' AS `trigger`,
        r.ticket_id AS trigger_ref, r.resolved_at AS trigger_at
    FROM resolved_tickets AS r
    LEFT JOIN answered AS a ON a.customer_id = r.customer_id AND a.survey_type = 'CES'
    WHERE a.answered_at IS NULL OR a.answered_at < r.resolved_at
),
orders AS (
    SELECT customer_id, order_id, event_time
    FROM metrics.customer_timeline
    WHERE event_type = 'order' AND event_time >= ${since(csat_after_days)} AND event_time < ${until}
),
csat AS (
    SELECT o.customer_id, 'CSAT' AS survey_type, 2 AS rule_order, 'purchase' AS `trigger`,
        o.order_id AS trigger_ref, o.event_time AS trigger_at
    FROM orders AS o
    LEFT JOIN answered AS a ON a.customer_id = o.customer_id AND a.survey_type = 'CSAT'
    WHERE a.answered_at IS NULL OR a.answered_at < o.event_time
),
active AS (
    SELECT customer_id, MAX(event_time) AS last_seen
    FROM metrics.customer_timeline
    WHERE event_time >= ${since(365)} AND event_time < ${until}
    GROUP BY customer_id
),
nps AS (
    SELECT v.customer_id, 'NPS' AS survey_type, 3 AS rule_order, 'relationship' AS `trigger`,
        CAST(NULL AS STRING) AS trigger_ref, v.last_seen AS trigger_at
    FROM active AS v
    LEFT JOIN answered AS a ON a.customer_id = v.customer_id AND a.survey_type = 'NPS'
    WHERE a.answered_at IS NULL OR a.answered_at < ${since(nps_every_days)}
),
candidates AS (
    SELECT * FROM ces UNION ALL SELECT * FROM csat UNION ALL SELECT * FROM nps
),
chosen AS (
    SELECT *
    FROM (
        SELECT
            c.*,
            ROW_NUMBER() OVER (
                PARTITION BY c.customer_id
                ORDER BY c.rule_order, c.trigger_at DESC, c.trigger_ref) AS choice
        FROM candidates AS c
        LEFT JOIN tired AS t ON t.customer_id = c.customer_id
        WHERE t.customer_id IS NULL
    )
    WHERE choice = 1
),
web AS (
    SELECT DISTINCT customer_id
    FROM metrics.customer_timeline
    WHERE category = 'web' AND event_time >= ${since(30)} AND event_time < ${until}
),
consent AS (
    SELECT
        customer_id,
        MAX(CASE WHEN channel = 'email' THEN consent END) AS consent_email,
        MAX(CASE WHEN channel = 'sms' THEN consent END) AS consent_sms
    FROM metrics.customer_consent
    GROUP BY customer_id
),
routed AS (
    SELECT
        c.customer_id,
        c.survey_type,
        c.`trigger`,
        c.trigger_ref,
        c.trigger_at,
        CASE
            WHEN p.email IS NOT NULL AND rapport_consent_allows(COALESCE(k.consent_email, 'unknown')) THEN 'email'
            WHEN p.phone IS NOT NULL AND rapport_consent_allows(COALESCE(k.consent_sms, 'unknown')) THEN 'sms'
            WHEN w.customer_id IS NOT NULL THEN 'web'
        END AS channel
    FROM chosen AS c
    JOIN `identity`.customer_profile AS p ON p.customer_id = c.customer_id
    LEFT JOIN consent AS k ON k.customer_id = c.customer_id
    LEFT JOIN web AS w ON w.customer_id = c.customer_id
)
SELECT
    customer_id,
    ${as_of} AS as_of,
    survey_type,
    channel,
    `trigger`,
    trigger_ref,
    trigger_at
FROM routed
WHERE channel IS NOT NULL
