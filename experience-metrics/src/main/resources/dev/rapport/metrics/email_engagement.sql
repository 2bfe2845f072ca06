-- metrics.email_engagement: what happened to each email campaign, by UTC day.
--
-- Every measure counts recipients, not events, each recipient at most once per campaign and
-- measure, on the UTC day of their first such event: a recipient who opens on Monday and again
-- on Tuesday is one unique open, on Monday. So summing a campaign's days gives the campaign's
-- unique counts. The recipient is the email match key (email_key), else the source's customer
-- key, else the event itself (an event that names nobody counts alone). A missing or blank
-- campaign_id is 'unknown'. Deleted events (deleted_at set) count nowhere.
--
--   sent           email_sent            delivered      email_delivered
--   bounced        email_bounce          unique_opens   email_open (a person's open)
--   machine_opens  email_machine_open    unique_clicks  email_click
--   unsubscribes   email_unsubscribe     spam_reports   email_spam_report
--
-- Machine opens (privacy proxies such as Apple Mail Privacy Protection fetch every message on
-- delivery) are reported apart and never counted as opens; a recipient with both a machine and a
-- human open is in both columns. click_to_open = unique_clicks / unique_opens, NULL without opens
-- (see ClickToOpenRate); a day's value can exceed 1 when people click a day after they open.
--
-- First events are found over all of staging, and only then are the output days limited to the
-- run's months (the day range below), so a run over some months never counts a recipient whose
-- first open was in an earlier month. INSERT OVERWRITE of whole month partitions of day.
INSERT OVERWRITE metrics.email_engagement /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    `day`,
    campaign_id,
    sent,
    delivered,
    bounced,
    unique_opens,
    machine_opens,
    unique_clicks,
    CASE WHEN unique_opens > 0 THEN CAST(unique_clicks AS DOUBLE) / CAST(unique_opens AS DOUBLE) END
        AS click_to_open,
    unsubscribes,
    spam_reports
FROM (
    SELECT
        `day`,
        campaign_id,
        COUNT(*) FILTER (WHERE event_type = 'email_sent') AS sent,
        COUNT(*) FILTER (WHERE event_type = 'email_delivered') AS delivered,
        COUNT(*) FILTER (WHERE event_type = 'email_bounce') AS bounced,
        COUNT(*) FILTER (WHERE event_type = 'email_open') AS unique_opens,
        COUNT(*) FILTER (WHERE event_type = 'email_machine_open') AS machine_opens,
        COUNT(*) FILTER (WHERE event_type = 'email_click') AS unique_clicks,
        COUNT(*) FILTER (WHERE event_type = 'email_unsubscribe') AS unsubscribes,
        COUNT(*) FILTER (WHERE event_type = 'email_spam_report') AS spam_reports
    FROM (
        SELECT
            campaign_id,
            recipient,
            event_type,
            -- the day of the first event, taken as the first day: a DATE is a fixed-size aggregate
            -- (hash aggregation), where MIN of a microsecond timestamp would sort every email event
            MIN(CAST(event_time AS DATE)) AS `day`
        FROM (
            SELECT
                COALESCE(NULLIF(TRIM(campaign_id), ''), 'unknown') AS campaign_id,
                CASE
                    WHEN email_key IS NOT NULL
                        THEN 'email:' || email_key
                    WHEN customer_ref IS NOT NULL
                        THEN 'customer:' || COALESCE(customer_source, source) || ':' || customer_ref
                    ELSE 'event:' || event_id
                END AS recipient,
                event_type,
                event_time
            FROM staging.interactions
            WHERE deleted_at IS NULL
                AND event_type IN (
                'email_sent', 'email_delivered', 'email_bounce', 'email_open', 'email_machine_open',
                'email_click', 'email_unsubscribe', 'email_spam_report')
        )
        GROUP BY campaign_id, recipient, event_type
    )
    WHERE ${day_range(day)}
    GROUP BY `day`, campaign_id
)
