CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_nearest_rank AS 'dev.rapport.metrics.journey.function.NearestRankFunction' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_stage_transitions AS 'dev.rapport.metrics.journey.function.StageTransitionsFunction' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_transition_stage AS 'dev.rapport.metrics.journey.function.TransitionStageFunction' LANGUAGE JAVA
