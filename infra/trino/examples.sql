-- Example queries for Trino on Rapport's tables (catalog "rapport"; see README.md).
-- TrinoIT runs every statement of this file against a real Trino, so they stay valid.
-- "identity" is a schema name here; double quotes keep it an identifier in any SQL dialect.

-- NPS by channel over the last 90 days
SELECT channel,
       SUM(responses) AS responses,
       100.0 * (SUM(promoters) - SUM(detractors)) / SUM(responses) AS nps
FROM rapport.metrics.nps_daily
WHERE day >= CURRENT_DATE - INTERVAL '90' DAY
GROUP BY channel
ORDER BY responses DESC;

-- NPS by channel and month, all time
SELECT date_trunc('month', day) AS month,
       channel,
       SUM(responses) AS responses,
       100.0 * (SUM(promoters) - SUM(detractors)) / SUM(responses) AS nps
FROM rapport.metrics.nps_daily
GROUP BY 1, 2
ORDER BY 1, 2;

-- Customers most at risk, with the reasons
SELECT h.customer_id, p.full_name, p.email, h.churn_risk, h.risk_band, h.reasons
FROM rapport.metrics.customer_health h
JOIN rapport."identity".customer_profile p ON p.customer_id = h.customer_id
ORDER BY h.churn_risk DESC
LIMIT 20;

-- Customers by country and by number of sources that know them
SELECT country, cardinality(sources) AS sources, COUNT(*) AS customers
FROM rapport."identity".customer_profile
GROUP BY 1, 2
ORDER BY customers DESC;

-- Events by category and type
SELECT category, event_type, COUNT(*) AS events, SUM(amount) AS amount
FROM rapport.staging.interactions
WHERE deleted_at IS NULL
GROUP BY 1, 2
ORDER BY 1, 2;

-- The table's history (Iceberg metadata table): one row per commit of a Rapport job
SELECT committed_at, snapshot_id, operation
FROM rapport.metrics."nps_daily$snapshots"
ORDER BY committed_at;
