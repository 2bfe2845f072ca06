-- metrics.customer_consent: whether each resolved customer may be contacted on each channel. One
-- row per (customer_id, channel) for every customer on metrics.customer_timeline or with an
-- opt-out in their records, and the channels email, sms and phone (not partitioned: a run
-- replaces the table, from the whole timeline).
--
-- Consent decisions, from the sources:
--   email         granted by the event email_subscribe (a confirmed newsletter signup, a
--                 resubscribe, a consent checkbox), withdrawn by the events email_unsubscribe and
--                 email_spam_report (any source), evidence source:event_type:source_event_id, at
--                 the event's time;
--   email, sms,   withdrawn by a customer record (staging.customer_records, not deleted) whose
--   phone         email_opt_out, sms_opt_out or phone_opt_out is true (a CRM's Email Opt Out / Do
--                 Not Call), evidence source:record:source_id, at the record's updated_at (else
--                 created_at, else when it was ingested). A false flag is the CRM's default, not
--                 a grant, and decides nothing.
-- The customer's latest decision of a channel decides it (ties: a withdrawal wins over a grant, as
-- the safe side; then the smaller evidence); consent is
-- 'granted' or 'withdrawn' from that decision's time on, so a later unsubscribe withdraws a grant
-- and a later subscribe grants again. Only an opt-in grants: opens, clicks or purchases after an
-- unsubscribe do not. A channel no event decides is 'unknown' (since and evidence NULL): an email
-- sent is not evidence of consent.
INSERT OVERWRITE metrics.customer_consent
WITH record_opt_outs AS (
    SELECT m.customer_id, CAST('email' AS STRING) AS channel, r.source, r.source_id,
        COALESCE(r.updated_at, r.created_at, r.ingested_at) AS decided_at
    FROM staging.customer_records AS r
    JOIN `identity`.identity_map AS m ON m.source = r.source AND m.source_id = r.source_id
    WHERE r.email_opt_out = TRUE AND r.deleted_at IS NULL
    UNION ALL
    SELECT m.customer_id, CAST('sms' AS STRING) AS channel, r.source, r.source_id,
        COALESCE(r.updated_at, r.created_at, r.ingested_at) AS decided_at
    FROM staging.customer_records AS r
    JOIN `identity`.identity_map AS m ON m.source = r.source AND m.source_id = r.source_id
    WHERE r.sms_opt_out = TRUE AND r.deleted_at IS NULL
    UNION ALL
    SELECT m.customer_id, CAST('phone' AS STRING) AS channel, r.source, r.source_id,
        COALESCE(r.updated_at, r.created_at, r.ingested_at) AS decided_at
    FROM staging.customer_records AS r
    JOIN `identity`.identity_map AS m ON m.source = r.source AND m.source_id = r.source_id
    WHERE r.phone_opt_out = TRUE AND r.deleted_at IS NULL
),
customers AS (
    SELECT DISTINCT customer_id FROM metrics.customer_timeline
    UNION
    SELECT DISTINCT customer_id FROM record_opt_outs
),
channels AS (
    SELECT CAST(channel AS STRING) AS channel FROM (VALUES ('email'), ('sms'), ('phone')) AS c(channel)
),
decisions_all AS (
    SELECT
        customer_id,
        CAST('email' AS STRING) AS channel,
        CASE WHEN event_type = 'email_subscribe' THEN CAST('granted' AS STRING)
            ELSE CAST('withdrawn' AS STRING) END AS consent,
        event_time AS decided_at,
        source || ':' || event_type || ':' || source_event_id AS evidence
    FROM metrics.customer_timeline
    WHERE event_type IN ('email_subscribe', 'email_unsubscribe', 'email_spam_report')
    UNION ALL
    SELECT customer_id, channel, CAST('withdrawn' AS STRING) AS consent, decided_at,
        source || ':record:' || source_id AS evidence
    FROM record_opt_outs
),
decisions AS (
    SELECT customer_id, channel, consent, decided_at, evidence
    FROM (
        SELECT
            customer_id,
            channel,
            consent,
            decided_at,
            evidence,
            ROW_NUMBER() OVER (
                PARTITION BY customer_id, channel
                ORDER BY decided_at DESC, CASE WHEN consent = 'withdrawn' THEN 0 ELSE 1 END, evidence
            ) AS recency
        FROM decisions_all
    )
    WHERE recency = 1
)
SELECT
    c.customer_id,
    ch.channel,
    COALESCE(d.consent, CAST('unknown' AS STRING)) AS consent,
    d.decided_at AS since,
    d.evidence
FROM customers c
CROSS JOIN channels ch
LEFT JOIN decisions d ON d.customer_id = c.customer_id AND d.channel = ch.channel
