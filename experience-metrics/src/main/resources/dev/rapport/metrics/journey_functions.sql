CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_nearest_rank AS 'dev.rapport.metrics.journey.function.NearestRankFunction' LANGUAGE JAVA
