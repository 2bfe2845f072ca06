package dev.rapport.crosscheck;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapport's daily metrics computed a second time, by DuckDB over a Parquet export of
 * staging.interactions (see {@link ParquetExport}). The SQL is written from the definitions in the
 * metric tables' documentation (nps_daily.sql, survey_answers_view.sql, email_engagement.sql
 * headers), not from Rapport's Flink SQL, so that the two engines check each other:
 *
 * <ul>
 *   <li>a survey response is a survey_response of its survey type with a score on the scale
 *       (NPS 0-10, CSAT 1-5, CES 1-7);
 *   <li>one respondent, one voice: per survey type, UTC day, channel and touchpoint only the
 *       respondent's latest answer counts (a tie on event_time goes to the larger event_id); the
 *       respondent is the customer key (customer_source, else source, with customer_ref), else the
 *       email key, else nobody and the answer counts alone;
 *   <li>email measures count each recipient (email key, else customer key, else the event) once per
 *       campaign and event type, on the UTC day of their first such event.
 * </ul>
 *
 * The result columns are named as in the metric tables, so rows compare column by column.
 */
public final class DuckDbMetrics implements AutoCloseable {

    /** The answers that count, one row each: survey_type, day, channel, touchpoint, language, score. */
    private static final String LATEST_ANSWERS =
            """
            CREATE TEMP VIEW latest_answers AS
            SELECT survey_type, day, channel, touchpoint, language, score, event_id
            FROM (
                SELECT
                    survey_type,
                    CAST(event_time AS DATE) AS day,
                    CASE WHEN channel IS NULL OR trim(channel) = '' THEN 'unknown' ELSE trim(channel) END
                        AS channel,
                    CASE WHEN touchpoint IS NULL OR trim(touchpoint) = '' THEN 'unknown' ELSE trim(touchpoint) END
                        AS touchpoint,
                    CASE WHEN comment_language IS NULL OR trim(comment_language) = '' THEN 'unknown'
                        ELSE trim(comment_language) END AS language,
                    score,
                    event_time,
                    event_id,
                    CASE
                        WHEN customer_ref IS NOT NULL THEN concat('c/', coalesce(customer_source, source), '/', customer_ref)
                        WHEN email_key IS NOT NULL THEN concat('e/', email_key)
                    END AS respondent
                FROM interactions
                WHERE category = 'survey' AND event_type = 'survey_response'
                    AND ((survey_type = 'NPS' AND score BETWEEN 0 AND 10)
                        OR (survey_type = 'CSAT' AND score BETWEEN 1 AND 5)
                        OR (survey_type = 'CES' AND score BETWEEN 1 AND 7))
            )
            QUALIFY respondent IS NULL
                OR row_number() OVER (
                    PARTITION BY survey_type, day, channel, touchpoint, respondent
                    ORDER BY event_time DESC, event_id DESC) = 1
            """;

    /** metrics.nps_daily summed over segments: day, channel, touchpoint, language, the counts, NPS and its interval. */
    public static final String NPS_DAILY = npsDaily("latest_answers", "day, channel, touchpoint, language");

    /**
     * metrics.nps_daily with its segment: the RFM segment of the customer the timeline links the
     * answer to (the smallest customer id), 'no_purchase' for a customer without one, 'unknown' for
     * an answer linked to nobody. Needs the views of {@link #withSegments}.
     */
    public static final String NPS_DAILY_BY_SEGMENT = npsDaily(
            "latest_answers JOIN answer_segments USING (event_id)", "day, channel, touchpoint, language, segment");

    private static final String ANSWER_SEGMENTS =
            """
            CREATE TEMP VIEW answer_segments AS
            SELECT a.event_id,
                CASE WHEN c.customer_id IS NULL THEN 'unknown' ELSE coalesce(r.rfm_segment, 'no_purchase') END AS segment
            FROM (SELECT DISTINCT event_id FROM latest_answers) AS a
            LEFT JOIN (SELECT event_id, min(customer_id) AS customer_id FROM customer_timeline GROUP BY event_id) AS c
                ON c.event_id = a.event_id
            LEFT JOIN customer_rfm AS r ON r.customer_id = c.customer_id
            """;

    private static String npsDaily(String answers, String dimensions) {
        return """
                SELECT %2$s, responses, promoters, passives, detractors, nps,
                    greatest(CAST(-100 AS DOUBLE), nps - 1.959963984540054 * sqrt(variance / responses)) AS nps_ci_low,
                    least(CAST(100 AS DOUBLE), nps + 1.959963984540054 * sqrt(variance / responses)) AS nps_ci_high
                FROM (
                    SELECT *, greatest(CAST(0 AS DOUBLE), CAST(10000 AS DOUBLE) * (promoters + detractors) / responses - nps * nps) AS variance
                    FROM (
                        SELECT *, CAST(100 AS DOUBLE) * (promoters - detractors) / responses AS nps
                        FROM (
                            SELECT %2$s,
                                count(*) AS responses,
                                count(*) FILTER (score >= 9) AS promoters,
                                count(*) FILTER (score IN (7, 8)) AS passives,
                                count(*) FILTER (score <= 6) AS detractors
                            FROM %1$s
                            WHERE survey_type = 'NPS'
                            GROUP BY %2$s
                        )
                    )
                )
                """
                .formatted(answers, dimensions);
    }

    /** metrics.csat_daily: satisfied is a 4 or 5. */
    public static final String CSAT_DAILY =
            """
            SELECT day, channel, touchpoint, count(*) AS responses, count(*) FILTER (score >= 4) AS satisfied,
                CAST(100 AS DOUBLE) * count(*) FILTER (score >= 4) / count(*) AS csat, avg(score) AS mean_score
            FROM latest_answers
            WHERE survey_type = 'CSAT'
            GROUP BY day, channel, touchpoint
            """;

    /** metrics.ces_daily: easy is a 5, 6 or 7. */
    public static final String CES_DAILY =
            """
            SELECT day, channel, touchpoint, count(*) AS responses, count(*) FILTER (score >= 5) AS easy,
                CAST(100 AS DOUBLE) * count(*) FILTER (score >= 5) / count(*) AS easy_share, avg(score) AS mean_score
            FROM latest_answers
            WHERE survey_type = 'CES'
            GROUP BY day, channel, touchpoint
            """;

    /** metrics.email_engagement: unique recipients per campaign, on the day of their first event. */
    public static final String EMAIL_ENGAGEMENT =
            """
            WITH firsts AS (
                SELECT
                    CASE WHEN campaign_id IS NULL OR trim(campaign_id) = '' THEN 'unknown' ELSE trim(campaign_id) END
                        AS campaign_id,
                    coalesce(
                        'e/' || email_key,
                        'c/' || coalesce(customer_source, source) || '/' || customer_ref,
                        'x/' || event_id) AS recipient,
                    event_type,
                    CAST(min(event_time) AS DATE) AS day
                FROM interactions
                WHERE event_type IN ('email_sent', 'email_delivered', 'email_bounce', 'email_open',
                    'email_machine_open', 'email_click', 'email_unsubscribe', 'email_spam_report')
                GROUP BY ALL
            )
            SELECT day, campaign_id,
                count(*) FILTER (event_type = 'email_sent') AS sent,
                count(*) FILTER (event_type = 'email_delivered') AS delivered,
                count(*) FILTER (event_type = 'email_bounce') AS bounced,
                count(*) FILTER (event_type = 'email_open') AS unique_opens,
                count(*) FILTER (event_type = 'email_machine_open') AS machine_opens,
                count(*) FILTER (event_type = 'email_click') AS unique_clicks,
                CASE WHEN count(*) FILTER (event_type = 'email_open') > 0
                    THEN count(*) FILTER (event_type = 'email_click') / count(*) FILTER (event_type = 'email_open')
                END AS click_to_open,
                count(*) FILTER (event_type = 'email_unsubscribe') AS unsubscribes,
                count(*) FILTER (event_type = 'email_spam_report') AS spam_reports
            FROM firsts
            GROUP BY day, campaign_id
            """;

    /**
     * metrics.stage_transitions' counts, from metrics.journey_stages (one row per customer and stage
     * reached, with its cohort): of the customers who reached from_stage, those who reached to_stage
     * at or after it and at most window_days later (90 days; 90 + 180 into churned, the defaults).
     */
    public static final String STAGE_TRANSITIONS =
            """
            WITH transitions(from_stage, to_stage) AS (VALUES
                ('first_seen', 'lead'), ('first_seen', 'email_engaged'), ('first_seen', 'first_purchase'),
                ('lead', 'first_purchase'), ('email_engaged', 'first_purchase'),
                ('first_purchase', 'repeat_purchase'), ('first_purchase', 'support_contact'),
                ('first_purchase', 'promoter'), ('first_purchase', 'detractor'),
                ('support_contact', 'promoter'), ('support_contact', 'detractor'),
                ('first_purchase', 'churned')),
            pairs AS (
                SELECT f.cohort_month, f.acquisition_channel, t.from_stage, t.to_stage,
                    CASE WHEN t.to_stage = 'churned' THEN 90 + 180 ELSE 90 END AS window_days,
                    f.customer_id,
                    bool_or(epoch_us(s.reached_at) - epoch_us(f.reached_at)
                        BETWEEN 0 AND (CASE WHEN t.to_stage = 'churned' THEN 90 + 180 ELSE 90 END) * 86400000000)
                        AS converted
                FROM journey_stages AS f
                JOIN transitions AS t ON t.from_stage = trim(f.stage)
                LEFT JOIN journey_stages AS s ON s.customer_id = f.customer_id AND trim(s.stage) = t.to_stage
                GROUP BY ALL
            )
            SELECT cohort_month, acquisition_channel, from_stage, to_stage, window_days,
                count(*) AS customers, count(*) FILTER (converted) AS converted,
                count(*) FILTER (converted) / count(*) AS conversion_rate
            FROM pairs
            GROUP BY ALL
            """;

    private final Connection connection;

    private DuckDbMetrics(Connection connection) {
        this.connection = connection;
    }

    /** An in-memory DuckDB, in UTC, whose view {@code interactions} reads the Parquet export. */
    public static DuckDbMetrics over(Path interactionsParquet) throws SQLException {
        return over(interactionsParquet, null);
    }

    /**
     * As {@link #over(Path)}, with a view {@code journey_stages} over a Parquet export of
     * metrics.journey_stages (for {@link #STAGE_TRANSITIONS}) when that path is not null.
     */
    public static DuckDbMetrics over(Path interactionsParquet, Path journeyStagesParquet) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE VIEW interactions AS SELECT * FROM read_parquet('"
                    + interactionsParquet.toAbsolutePath().toString().replace("'", "''") + "')");
            statement.execute(LATEST_ANSWERS);
            if (journeyStagesParquet != null) {
                statement.execute("CREATE VIEW journey_stages AS SELECT * FROM read_parquet('"
                        + journeyStagesParquet.toAbsolutePath().toString().replace("'", "''") + "')");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new DuckDbMetrics(connection);
    }

    /**
     * Adds the views {@link #NPS_DAILY_BY_SEGMENT} reads: {@code customer_timeline} and {@code
     * customer_rfm} over Parquet exports of those tables, and the segment of each answer.
     */
    public DuckDbMetrics withSegments(Path timelineParquet, Path rfmParquet) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW customer_timeline AS SELECT * FROM read_parquet('"
                    + timelineParquet.toAbsolutePath().toString().replace("'", "''") + "')");
            statement.execute("CREATE VIEW customer_rfm AS SELECT * FROM read_parquet('"
                    + rfmParquet.toAbsolutePath().toString().replace("'", "''") + "')");
            statement.execute(ANSWER_SEGMENTS);
        }
        return this;
    }

    /** Runs a query and returns its rows as column name to value, in no particular order. */
    public List<Map<String, Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
