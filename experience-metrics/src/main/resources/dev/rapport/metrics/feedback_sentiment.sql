-- metrics.feedback_sentiment: the sentiment of every comment, in its own language. One row per
-- event_id of the feedback_comments view (feedback_comments_view.sql: every survey answer or ticket
-- event with a comment). Partitioned by month(event_time); a run rewrites the months in its range.
--
-- The comment is read by Lucene's analyzer of its language, stop words kept, and scored with that
-- language's lexicon (SentimentScorer, lexicons under dev/rapport/metrics/feedback): each sentiment
-- word adds its weight, a negation turns the next sentiment word around, a negation with nothing to
-- turn counts -1. positive_weight and negative_weight are the sums of each sign, sentiment_score is
-- (positive - negative) / (positive + negative) from -1 to +1 (0 without sentiment words), and
-- sentiment is positive, negative or neutral by the sign. A comment in no analysed language has
-- NULL sentiment columns. nps_category is the category of an NPS answer's score, else NULL.
INSERT OVERWRITE metrics.feedback_sentiment /*+ OPTIONS('distribution-mode' = 'hash') */
SELECT
    c.event_id,
    c.event_time,
    c.source,
    c.category,
    c.event_type,
    c.survey_type,
    c.score,
    CASE
        WHEN c.survey_type <> 'NPS' OR c.score IS NULL OR c.score NOT BETWEEN 0 AND 10 THEN CAST(NULL AS STRING)
        WHEN c.score >= 9 THEN 'promoter'
        WHEN c.score >= 7 THEN 'passive'
        ELSE 'detractor'
    END AS nps_category,
    COALESCE(c.`language`, 'unknown') AS `language`,
    c.language_source,
    s.sentiment_score,
    s.sentiment,
    s.positive_weight,
    s.negative_weight
FROM default_catalog.default_database.feedback_comments AS c
LEFT JOIN LATERAL TABLE(rapport_comment_sentiment(c.`comment`, c.`language`))
    AS s (sentiment_score, sentiment, positive_weight, negative_weight) ON TRUE
