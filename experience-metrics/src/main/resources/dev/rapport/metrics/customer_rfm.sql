-- metrics.customer_rfm: recency, frequency and monetary value of every resolved customer with at
-- least one order, as of one day. Grain: one row per customer_id (not partitioned: a run replaces
-- the table).
--
-- as_of       the config's last day recomputed (metrics.to, widened to its month's end) when set,
--             else the UTC day of the latest event in staging.interactions that is not deleted
--             (deleted_at IS NULL: a deleted event counts nowhere, so it does not move as_of
--             either); events after it are ignored, so a rerun over the same data gives the same rows
-- orders      metrics.customer_timeline rows with event_type 'order' on or before as_of (a
--             customer's orders through their customer key or email, see customer_timeline.sql;
--             a deleted order is not on the timeline)
-- window      the ${lookback_days} UTC days ending with as_of
-- last_purchase_at, recency_days  the latest order; as_of minus its UTC day
-- frequency   orders in the window
-- monetary    sum of the window's order amounts in the reporting currency ${currency}: orders in
--             it at their amount, orders in a currency of the config's exchange_rates at amount x
--             rate, rounded to cents; orders without an amount add 0; orders in any other currency
--             (or none) are left out of monetary and counted in orders_other_currency
-- r/f/m_score quintiles 1-5, 5 best: 1 + floor(5 x customers with a strictly worse value /
--             customers) (rapport_rfm_quintile); worse is more recency_days, fewer orders, less
--             money. Equal values share a score, so the result does not depend on row order.
-- rfm_segment RfmSegmentRule (rapport_rfm_segment): champions, loyal, cant_lose_them, at_risk,
--             potential_loyalist, new_customer, needs_attention, promising, hibernating, lost
INSERT OVERWRITE metrics.customer_rfm
WITH
as_of AS (
    ${as_of}
),
rates AS (
    SELECT * FROM (VALUES
        ${currency_rates}
    ) AS v (currency, rate)
),
orders AS (
    SELECT
        t.customer_id,
        t.event_time,
        t.amount,
        r.rate,
        a.as_of,
        CAST(t.event_time AS DATE) > TIMESTAMPADD(DAY, -${lookback_days}, a.as_of) AS in_window
    FROM metrics.customer_timeline AS t
    CROSS JOIN as_of AS a
    LEFT JOIN rates AS r ON r.currency = UPPER(TRIM(t.currency))
    WHERE t.event_type = 'order' AND CAST(t.event_time AS DATE) <= a.as_of
),
per_customer AS (
    SELECT
        customer_id,
        MAX(as_of) AS as_of,
        MAX(event_time) AS last_purchase_at,
        COUNT(*) FILTER (WHERE in_window) AS frequency,
        CAST(COALESCE(SUM(ROUND(COALESCE(amount, 0) * rate, 2)) FILTER (WHERE in_window AND rate IS NOT NULL), 0)
            AS DECIMAL(18, 2)) AS monetary,
        COUNT(*) FILTER (WHERE in_window AND rate IS NULL) AS orders_other_currency
    FROM orders
    GROUP BY customer_id
),
ranked AS (
    SELECT
        p.*,
        TIMESTAMPDIFF(DAY, CAST(CAST(p.last_purchase_at AS DATE) AS TIMESTAMP(3)), CAST(p.as_of AS TIMESTAMP(3)))
            AS recency_days
    FROM per_customer AS p
),
worse AS (
    SELECT
        r.*,
        COUNT(*) OVER () AS customers,
        RANK() OVER (ORDER BY r.recency_days DESC) - 1 AS recency_worse,
        RANK() OVER (ORDER BY r.frequency) - 1 AS frequency_worse,
        RANK() OVER (ORDER BY r.monetary) - 1 AS monetary_worse
    FROM ranked AS r
),
scored AS (
    SELECT
        w.*,
        rapport_rfm_quintile(CAST(w.recency_worse AS BIGINT), w.customers) AS r_score,
        rapport_rfm_quintile(CAST(w.frequency_worse AS BIGINT), w.customers) AS f_score,
        rapport_rfm_quintile(CAST(w.monetary_worse AS BIGINT), w.customers) AS m_score
    FROM worse AS w
)
SELECT
    customer_id,
    as_of,
    last_purchase_at,
    CAST(recency_days AS INT) AS recency_days,
    frequency,
    monetary,
    CAST('${currency}' AS STRING) AS currency,
    orders_other_currency,
    r_score,
    f_score,
    m_score,
    rapport_rfm_segment(r_score, f_score, m_score) AS rfm_segment
FROM scored
