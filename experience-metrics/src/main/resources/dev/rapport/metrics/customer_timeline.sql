-- metrics.customer_timeline: every interaction of every resolved customer, in event order, with
-- the source record it came from. Grain: one row per (customer_id, event_id).
--
-- An interaction belongs to a customer
--   1. by its customer key: identity.identity_map row with (source, source_id) =
--      (customer_source, else the event's source, customer_ref), linked_by 'customer_ref'; else
--   2. by its email: staging.customer_records rows with the event's email_key, through their
--      identity_map rows, linked_by 'email'. An email known to the records of two customers puts
--      the event on both timelines; several records of one customer give one row, naming the
--      smallest record (source:source_id).
-- Interactions linked to no customer are not in the table (they are in staging.interactions).
-- Deleted interactions (deleted_at set: the source deleted the order, ticket or answer) are not in
-- the table either: every metric reads staging.interactions WHERE deleted_at IS NULL, so a deletion
-- takes the event out of every count on the next run over its month.
-- event_seq numbers a customer's events 1, 2, ... by event_time, ties by event_id, over all of
-- their events (not only the months a run writes).
--
-- Partitioned by month(event_time); a run rewrites the months of its range. (identity is a
-- reserved word in Flink SQL, hence the back quotes.)
INSERT OVERWRITE metrics.customer_timeline /*+ OPTIONS('distribution-mode' = 'hash') */
WITH
by_customer_key AS (
    SELECT
        m.customer_id,
        i.event_id,
        'customer_ref' AS linked_by,
        m.source || ':' || m.source_id AS linked_record
    FROM staging.interactions AS i
    JOIN `identity`.identity_map AS m
        ON m.source = COALESCE(i.customer_source, i.source) AND m.source_id = i.customer_ref
    WHERE i.customer_ref IS NOT NULL AND i.deleted_at IS NULL
),
by_email AS (
    SELECT
        m.customer_id,
        i.event_id,
        'email' AS linked_by,
        MIN(m.source || ':' || m.source_id) AS linked_record
    FROM staging.interactions AS i
    JOIN staging.customer_records AS r ON r.email_key = i.email_key
    JOIN `identity`.identity_map AS m ON m.source = r.source AND m.source_id = r.source_id
    LEFT JOIN by_customer_key AS k ON k.event_id = i.event_id
    WHERE i.email_key IS NOT NULL AND k.event_id IS NULL AND i.deleted_at IS NULL AND r.deleted_at IS NULL
    GROUP BY m.customer_id, i.event_id
),
links AS (
    SELECT * FROM by_customer_key
    UNION ALL
    SELECT * FROM by_email
)
SELECT
    customer_id,
    event_id,
    event_time,
    event_seq,
    category,
    event_type,
    channel,
    touchpoint,
    campaign_id,
    order_id,
    ticket_id,
    survey_type,
    score,
    amount,
    currency,
    source,
    source_event_id,
    source_location,
    linked_by,
    linked_record
FROM (
    SELECT
        l.customer_id,
        i.event_id,
        i.event_time,
        ROW_NUMBER() OVER (PARTITION BY l.customer_id ORDER BY i.event_time, i.event_id) AS event_seq,
        i.category,
        i.event_type,
        i.channel,
        i.touchpoint,
        i.campaign_id,
        i.order_id,
        i.ticket_id,
        i.survey_type,
        i.score,
        i.amount,
        i.currency,
        i.source,
        i.source_event_id,
        i.source_location,
        l.linked_by,
        l.linked_record
    FROM links AS l
    JOIN staging.interactions AS i ON i.event_id = l.event_id AND i.deleted_at IS NULL
)
WHERE ${time_range(event_time)}
