-- Totals over the rows of metrics.nps_daily that a run recomputed (the job fills in the day
-- range below: TRUE for a run over every day). Read back from the written table, so they describe what was committed.
SELECT
    COUNT(*) AS row_count,
    COALESCE(SUM(responses), CAST(0 AS BIGINT)) AS responses,
    COALESCE(SUM(promoters), CAST(0 AS BIGINT)) AS promoters,
    COALESCE(SUM(passives), CAST(0 AS BIGINT)) AS passives,
    COALESCE(SUM(detractors), CAST(0 AS BIGINT)) AS detractors
FROM metrics.nps_daily
WHERE ${day_range}
