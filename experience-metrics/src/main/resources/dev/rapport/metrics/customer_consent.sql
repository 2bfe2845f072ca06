-- metrics.customer_consent: whether each resolved customer may be contacted on each channel. One
-- row per (customer_id, channel) for every customer on metrics.customer_timeline and the channels
-- email, sms and phone (not partitioned: a run replaces the table, from the whole timeline).
--
-- Consent events (the customer's timeline, any source):
--   email  withdrawn by email_unsubscribe and email_spam_report
-- The customer's latest consent event of a channel decides it (ties: smallest source, then
-- source_event_id); consent is 'withdrawn' from that event's time on, with the event as evidence
-- (source:event_type:source_event_id). Rapport's event vocabulary has no opt-in event yet, so a
-- withdrawal stays until the source sends one: opens, clicks or purchases after an unsubscribe do
-- not grant consent again. A channel no event decides is 'unknown' (since and evidence NULL): an
-- email sent is not evidence of consent.
INSERT OVERWRITE metrics.customer_consent
WITH customers AS (
    SELECT DISTINCT customer_id FROM metrics.customer_timeline
),
channels AS (
    SELECT CAST(channel AS STRING) AS channel FROM (VALUES ('email'), ('sms'), ('phone')) AS c(channel)
),
consent_events AS (
    SELECT
        customer_id,
        CAST('email' AS STRING) AS channel,
        CAST('withdrawn' AS STRING) AS consent,
        event_time,
        source || ':' || event_type || ':' || source_event_id AS evidence,
        ROW_NUMBER() OVER (
            PARTITION BY customer_id ORDER BY event_time DESC, source, source_event_id) AS recency
    FROM metrics.customer_timeline
    WHERE event_type IN ('email_unsubscribe', 'email_spam_report')
),
decisions AS (
    SELECT customer_id, channel, consent, event_time, evidence FROM consent_events WHERE recency = 1
)
SELECT
    c.customer_id,
    ch.channel,
    COALESCE(d.consent, CAST('unknown' AS STRING)) AS consent,
    d.event_time AS since,
    d.evidence
FROM customers c
CROSS JOIN channels ch
LEFT JOIN decisions d ON d.customer_id = c.customer_id AND d.channel = ch.channel
