-- The comments behind metrics.feedback_sentiment and metrics.feedback_topics, as a temporary view:
-- every staging.interactions row with a non-blank comment (survey answers and support tickets)
-- that is not deleted (deleted_at IS NULL),
-- in the run's months of event_time. language is the ISO 639-1 code Rapport analyses the comment
-- in: the record's comment_language when it names one of en, sr, ru, fa, af, lt (by its primary
-- subtag, so sr-Cyrl is sr), else the language detected from the text (LanguageDetector), else
-- NULL. language_source says which: 'record', 'detected' or 'unknown'.
CREATE TEMPORARY VIEW default_catalog.default_database.feedback_comments AS
SELECT
    event_id,
    event_time,
    source,
    category,
    event_type,
    survey_type,
    score,
    `comment`,
    `language`,
    CASE
        WHEN `language` IS NULL THEN 'unknown'
        WHEN rapport_comment_language(comment_language, '') IS NOT NULL THEN 'record'
        ELSE 'detected'
    END AS language_source
FROM (
    SELECT
        *,
        rapport_comment_language(comment_language, `comment`) AS `language`
    FROM staging.interactions
    WHERE `comment` IS NOT NULL
        AND deleted_at IS NULL
        AND TRIM(`comment`) <> ''
        AND ${time_range(event_time)}
)
