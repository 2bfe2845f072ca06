-- feeds.personalization: one row per resolved customer, what a personalization system needs on
-- the feed's as-of day (${as_of}): traits, segments and one next best action with its reason.
--
--   rfm_segment                  metrics.customer_rfm (null: never purchased)
--   churn_risk, risk_band,       metrics.customer_health
--   health_reasons, open_tickets
--   last_nps, last_nps_at        the customer's latest NPS answer on their timeline up to the as-of day
--   preferred_channel            the channel (email, sms or phone) of the customer's latest
--                                interaction on one of those channels, ties to the larger event_id
--   consent_email|sms|phone      metrics.customer_consent ('unknown' when no source said anything)
--   segments, next_best_action,  the rules CustomerSegments and NextBestActionRule (Java), called
--   action_channel, action_reason  here as functions: consent is respected there
--
-- The table is replaced whole by every run (a rerun on the same data writes the same rows).
INSERT OVERWRITE feeds.personalization
WITH
last_nps AS (
    SELECT customer_id, score AS last_nps, event_time AS last_nps_at
    FROM (
        SELECT
            customer_id,
            score,
            event_time,
            ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time DESC, event_id DESC) AS answer_rank
        FROM metrics.customer_timeline
        WHERE survey_type = 'NPS' AND score BETWEEN 0 AND 10 AND event_time < ${until}
    )
    WHERE answer_rank = 1
),
preferred AS (
    SELECT customer_id, channel AS preferred_channel
    FROM (
        SELECT
            customer_id,
            channel,
            ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY event_time DESC, event_id DESC) AS channel_rank
        FROM metrics.customer_timeline
        WHERE channel IN ('email', 'sms', 'phone') AND event_time < ${until}
    )
    WHERE channel_rank = 1
),
consent AS (
    SELECT
        customer_id,
        MAX(CASE WHEN channel = 'email' THEN consent END) AS consent_email,
        MAX(CASE WHEN channel = 'sms' THEN consent END) AS consent_sms,
        MAX(CASE WHEN channel = 'phone' THEN consent END) AS consent_phone
    FROM metrics.customer_consent
    GROUP BY customer_id
),
signals AS (
    SELECT
        p.customer_id,
        p.email,
        p.phone,
        r.rfm_segment,
        h.churn_risk,
        h.risk_band,
        h.reasons AS health_reasons,
        COALESCE(h.open_tickets, 0) AS open_tickets,
        n.last_nps,
        n.last_nps_at,
        f.preferred_channel,
        COALESCE(c.consent_email, 'unknown') AS consent_email,
        COALESCE(c.consent_sms, 'unknown') AS consent_sms,
        COALESCE(c.consent_phone, 'unknown') AS consent_phone
    FROM `identity`.customer_profile AS p
    LEFT JOIN metrics.customer_rfm AS r ON r.customer_id = p.customer_id
    LEFT JOIN metrics.customer_health AS h ON h.customer_id = p.customer_id
    LEFT JOIN last_nps AS n ON n.customer_id = p.customer_id
    LEFT JOIN preferred AS f ON f.customer_id = p.customer_id
    LEFT JOIN consent AS c ON c.customer_id = p.customer_id
),
decided AS (
    SELECT
        s.*,
        rapport_next_best_action(
            ${as_of}, rfm_segment, churn_risk, risk_band, health_reasons, last_nps,
            CAST(last_nps_at AS DATE), open_tickets, preferred_channel,
            consent_email, consent_sms, consent_phone, email, phone) AS nba,
        rapport_customer_segments(${as_of}, rfm_segment, risk_band, last_nps, CAST(last_nps_at AS DATE)) AS segments
    FROM signals AS s
)
SELECT
    customer_id,
    ${as_of} AS as_of,
    email,
    phone,
    rfm_segment,
    churn_risk,
    risk_band,
    health_reasons,
    open_tickets,
    last_nps,
    last_nps_at,
    preferred_channel,
    consent_email,
    consent_sms,
    consent_phone,
    segments,
    nba.action AS next_best_action,
    nba.channel AS action_channel,
    nba.reason AS action_reason
FROM decided
