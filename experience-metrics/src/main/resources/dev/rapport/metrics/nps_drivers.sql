-- metrics.nps_drivers: what goes with a higher or lower NPS. One row per (driver_type, driver) over
-- the NPS responses of the run's range (not partitioned: a run replaces the table; the range is in
-- range_start and range_end, NULL for every day).
--
-- Responses: every staging.interactions row with survey_type 'NPS' and a score 0-10 in the range
-- (each answer counts; no repeated-answer rule; a deleted answer, deleted_at set, is none). Each driver splits a population of responses in two,
-- with and without it:
--   channel     a channel ('unknown' when blank) vs every other response
--   touchpoint  a touchpoint vs every other response
--   language    the comment's analysed language vs every other commented response
--   topic       <language>:<term>: the comment mentions the term (feedback_topics' terms) vs every
--               other commented response in that language; terms in fewer than 5 answers are left out
--   experience  had_ticket, had_breached_ticket (first response or resolution, metrics.support_sla),
--               had_purchase (an order), had_return: the respondent's resolved customer
--               (metrics.customer_timeline) had one in the 90 days before the answer, vs every other
--               answer on a customer timeline; absent until identity resolution has run
-- nps_with - nps_without is the effect; its 95% interval, z and two-sided p-value follow the normal
-- approximation of a difference of two means (NpsDifference), NULL with fewer than 5 answers on a
-- side. A driver whose population has nobody without it gets no row.
INSERT OVERWRITE metrics.nps_drivers
WITH responses AS (
    SELECT
        event_id,
        score,
        COALESCE(NULLIF(TRIM(channel), ''), 'unknown') AS channel,
        COALESCE(NULLIF(TRIM(touchpoint), ''), 'unknown') AS touchpoint,
        CASE WHEN `comment` IS NOT NULL AND TRIM(`comment`) <> ''
            THEN rapport_comment_language(comment_language, `comment`) END AS `language`,
        `comment`
    FROM staging.interactions
    WHERE category = 'survey'
        AND deleted_at IS NULL
        AND event_type = 'survey_response'
        AND survey_type = 'NPS'
        AND score BETWEEN 0 AND 10
        AND ${time_range(event_time)}
),
experience AS (
    ${experience_flags}
),
memberships AS (
    SELECT event_id, 'channel' AS driver_type, channel AS driver, 'all' AS population FROM responses
    UNION ALL
    SELECT event_id, 'touchpoint', touchpoint, 'all' FROM responses
    UNION ALL
    SELECT event_id, 'language', `language`, 'commented' FROM responses WHERE `language` IS NOT NULL
    UNION ALL
    SELECT r.event_id, 'topic', r.`language` || ':' || t.term, 'language:' || r.`language`
    FROM responses AS r, LATERAL TABLE(rapport_comment_terms(r.`comment`, r.`language`)) AS t (term, word)
    WHERE r.`language` IS NOT NULL
    UNION ALL
    SELECT event_id, 'experience', driver, 'linked' FROM experience WHERE driver IS NOT NULL
),
populations AS (
    SELECT 'all' AS population, event_id FROM responses
    UNION ALL
    SELECT 'commented', event_id FROM responses WHERE `language` IS NOT NULL
    UNION ALL
    SELECT 'language:' || `language`, event_id FROM responses WHERE `language` IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'linked', event_id FROM experience
),
population_counts AS (
    SELECT
        p.population,
        COUNT(*) FILTER (WHERE r.score >= 9) AS promoters,
        COUNT(*) FILTER (WHERE r.score BETWEEN 7 AND 8) AS passives,
        COUNT(*) FILTER (WHERE r.score <= 6) AS detractors
    FROM populations AS p
    JOIN responses AS r ON r.event_id = p.event_id
    GROUP BY p.population
),
driver_counts AS (
    SELECT
        m.driver_type,
        m.driver,
        m.population,
        COUNT(*) FILTER (WHERE r.score >= 9) AS promoters,
        COUNT(*) FILTER (WHERE r.score BETWEEN 7 AND 8) AS passives,
        COUNT(*) FILTER (WHERE r.score <= 6) AS detractors
    FROM (SELECT DISTINCT event_id, driver_type, driver, population FROM memberships) AS m
    JOIN responses AS r ON r.event_id = m.event_id
    GROUP BY m.driver_type, m.driver, m.population
),
split AS (
    SELECT
        d.driver_type,
        d.driver,
        d.promoters AS promoters_with,
        d.passives AS passives_with,
        d.detractors AS detractors_with,
        p.promoters - d.promoters AS promoters_without,
        p.passives - d.passives AS passives_without,
        p.detractors - d.detractors AS detractors_without
    FROM driver_counts AS d
    JOIN population_counts AS p ON p.population = d.population
    WHERE d.driver_type <> 'topic' OR d.promoters + d.passives + d.detractors >= 5
)
SELECT
    s.driver_type,
    s.driver,
    s.promoters_with + s.passives_with + s.detractors_with AS responses_with,
    s.promoters_with,
    s.detractors_with,
    CAST(100 * (s.promoters_with - s.detractors_with) AS DOUBLE)
        / CAST(s.promoters_with + s.passives_with + s.detractors_with AS DOUBLE) AS nps_with,
    s.promoters_without + s.passives_without + s.detractors_without AS responses_without,
    s.promoters_without,
    s.detractors_without,
    CAST(100 * (s.promoters_without - s.detractors_without) AS DOUBLE)
        / CAST(s.promoters_without + s.passives_without + s.detractors_without AS DOUBLE) AS nps_without,
    d.nps_difference,
    d.ci_low AS nps_difference_ci_low,
    d.ci_high AS nps_difference_ci_high,
    d.z,
    d.p_value,
    COALESCE(d.p_value < 0.05, FALSE) AS significant,
    ${range_start} AS range_start,
    ${range_end} AS range_end
FROM split AS s,
    LATERAL TABLE(rapport_nps_difference(
        s.promoters_with, s.passives_with, s.detractors_with,
        s.promoters_without, s.passives_without, s.detractors_without))
    AS d (nps_difference, ci_low, ci_high, z, p_value)
