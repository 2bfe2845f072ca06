-- metrics.feedback_topics: what NPS respondents talk about, per UTC month and language. One row per
-- (month, language, term) mentioned in at least one NPS answer's comment; partitioned by
-- month(month), a run rewrites the months in its range.
--
-- The answers are the NPS survey responses (score 0-10) with a comment in an analysed language
-- (feedback_comments_view.sql); every answer counts (no repeated-answer rule: each comment is its
-- own voice). A term is the output of Lucene's analyzer of the language with its stop words
-- removed (lower case, stemmed; Serbian folded to Latin without diacritics), at least 3 characters
-- and not only digits, counted once per comment (CommentTerms). word is the smallest written form
-- of the term seen, for people to read.
--   responses                       answers whose comment mentions the term
--   promoters, passives, detractors those answers by category
--   nps                             100 * (promoters - detractors) / responses
--   language_responses, language_nps   the same over every commented answer of the month and language
--   nps_impact                      nps - language_nps: how far answers mentioning the term sit
--                                   from the language's commented answers that month
--   detractor_share                 detractors / responses
INSERT OVERWRITE metrics.feedback_topics /*+ OPTIONS('distribution-mode' = 'hash') */
WITH answers AS (
    SELECT
        CAST(DATE_FORMAT(event_time, 'yyyy-MM-01') AS DATE) AS `month`,
        `language`,
        event_id,
        `comment`,
        score
    FROM default_catalog.default_database.feedback_comments
    WHERE category = 'survey'
        AND event_type = 'survey_response'
        AND survey_type = 'NPS'
        AND score BETWEEN 0 AND 10
        AND `language` IS NOT NULL
),
by_language AS (
    SELECT
        `month`,
        `language`,
        COUNT(*) AS language_responses,
        CAST(100 * (COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) AS DOUBLE)
            / CAST(COUNT(*) AS DOUBLE) AS language_nps
    FROM answers
    GROUP BY `month`, `language`
),
by_term AS (
    SELECT
        a.`month`,
        a.`language`,
        t.term,
        MIN(t.word) AS word,
        COUNT(*) AS responses,
        COUNT(*) FILTER (WHERE a.score >= 9) AS promoters,
        COUNT(*) FILTER (WHERE a.score BETWEEN 7 AND 8) AS passives,
        COUNT(*) FILTER (WHERE a.score <= 6) AS detractors
    FROM answers AS a, LATERAL TABLE(rapport_comment_terms(a.`comment`, a.`language`)) AS t (term, word)
    GROUP BY a.`month`, a.`language`, t.term
)
SELECT
    t.`month`,
    t.`language`,
    t.term,
    t.word,
    t.responses,
    t.promoters,
    t.passives,
    t.detractors,
    CAST(100 * (t.promoters - t.detractors) AS DOUBLE) / CAST(t.responses AS DOUBLE) AS nps,
    l.language_responses,
    l.language_nps,
    CAST(100 * (t.promoters - t.detractors) AS DOUBLE) / CAST(t.responses AS DOUBLE) - l.language_nps
        AS nps_impact,
    CAST(t.detractors AS DOUBLE) / CAST(t.responses AS DOUBLE) AS detractor_share
FROM by_term AS t
JOIN by_language AS l ON l.`month` = t.`month` AND l.`language` = t.`language`
