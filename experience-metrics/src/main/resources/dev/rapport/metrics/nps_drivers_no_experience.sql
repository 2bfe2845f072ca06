-- Without a customer timeline (identity resolution has not run): no experience drivers.
SELECT CAST(NULL AS STRING) AS event_id, CAST(NULL AS STRING) AS driver FROM (VALUES (1)) AS v (x) WHERE FALSE
