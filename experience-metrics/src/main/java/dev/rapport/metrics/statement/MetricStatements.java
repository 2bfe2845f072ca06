package dev.rapport.metrics.statement;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.journey.JourneyConfig;
import dev.rapport.metrics.support.SlaPolicy;
import dev.rapport.metrics.support.SlaTarget;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Flink SQL of the metrics after {@code nps_daily} (CSAT, CES, email engagement, support SLA,
 * customer timeline, journey stages and transitions), read from the resources of {@code dev/rapport/metrics}, with the run's range
 * and the SLA policy filled in.
 *
 * <p>Templates name their range as {@code ${time_range(column)}} (a TIMESTAMP_LTZ column) or
 * {@code ${day_range(column)}} (a DATE column). Only dates, numbers and priority names checked by
 * {@link SlaPolicy} are spliced into the text, so the config cannot change a statement's shape.
 */
public final class MetricStatements {

    private static final String RESOURCES = "/dev/rapport/metrics/";
    private static final Pattern RANGE = Pattern.compile("\\$\\{(time|day)_range\\(([a-z_.]+)\\)}");

    private final MetricsConfig config;

    public MetricStatements(MetricsConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Statements to run before the inserts: the temporary views they share. */
    public List<String> setup() {
        List<String> setup = new ArrayList<>();
        setup.add(fill(resource("survey_answers_view.sql")));
        setup.add(fill(resource("support_tickets_view.sql")));
        // The feedback functions (Lucene analyzers, sentiment lexicons), then the comments they read.
        for (String function : resource("feedback_functions.sql").split(";")) {
            setup.add(function.strip());
        }
        setup.add(fill(resource("feedback_comments_view.sql")));
        for (String function : resource("journey_functions.sql").split(";")) {
            setup.add(function.strip());
        }
        return List.copyOf(setup);
    }

    /** The inserts, in the order they are added to the job; the timeline only when asked for. */
    public List<MetricStatement> inserts(boolean withTimeline) {
        List<MetricStatement> inserts = new ArrayList<>(List.of(
                new MetricStatement(RapportTables.CSAT_DAILY, fill(resource("csat_daily.sql")), "day", true),
                new MetricStatement(RapportTables.CES_DAILY, fill(resource("ces_daily.sql")), "day", true),
                new MetricStatement(
                        RapportTables.EMAIL_ENGAGEMENT, fill(resource("email_engagement.sql")), "day", true),
                new MetricStatement(RapportTables.SUPPORT_SLA, fill(resource("support_sla.sql")), "opened_at", false),
                new MetricStatement(
                        RapportTables.SUPPORT_SLA_DAILY, fill(resource("support_sla_daily.sql")), "day", true)));
        if (withTimeline) {
            inserts.add(new MetricStatement(
                    RapportTables.CUSTOMER_TIMELINE, fill(resource("customer_timeline.sql")), "event_time", false));
        }
        inserts.add(new MetricStatement(
                RapportTables.FEEDBACK_SENTIMENT, fill(resource("feedback_sentiment.sql")), "event_time", false));
        inserts.add(new MetricStatement(
                RapportTables.FEEDBACK_TOPICS, fill(resource("feedback_topics.sql")), "month", true));
        return List.copyOf(inserts);
    }

    /**
     * The statements that read metric tables written by {@link #inserts}, run as a second job after
     * them: {@code metrics.nps_drivers}, with its experience drivers when the timeline exists, and,
     * when it exists, the customer metrics and the journey stages.
     */
    public List<MetricStatement> derivedInserts(boolean withTimeline) {
        String drivers = fill(resource("nps_drivers.sql"))
                .replace(
                        "${experience_flags}",
                        resource(withTimeline ? "nps_drivers_experience.sql" : "nps_drivers_no_experience.sql"))
                .replace("${range_start}", dateOrNull(config.firstDayRecomputed()))
                .replace("${range_end}", dateOrNull(config.lastDayRecomputed()));
        List<MetricStatement> derived = new ArrayList<>();
        derived.add(new MetricStatement(RapportTables.NPS_DRIVERS, drivers, null, true));
        if (withTimeline) {
            derived.add(new MetricStatement(
                    RapportTables.CUSTOMER_RFM, customer(fill(resource("customer_rfm.sql"))), null, true));
            derived.add(new MetricStatement(
                    RapportTables.CUSTOMER_HEALTH, customer(fill(resource("customer_health.sql"))), null, true));
            derived.add(journeyStagesInsert());
            derived.add(
                    new MetricStatement(RapportTables.CUSTOMER_CONSENT, resource("customer_consent.sql"), null, true));
        }
        return List.copyOf(derived);
    }

    /**
     * The statements that read tables written by {@link #derivedInserts}, run as a third job after
     * them, when the timeline exists: {@code metrics.ticket_priority} (reads customer_rfm and
     * customer_health) and {@code metrics.stage_transitions} (reads journey_stages).
     */
    public List<MetricStatement> finalInserts(boolean withTimeline) {
        if (!withTimeline) {
            return List.of();
        }
        return List.of(
                new MetricStatement(
                        RapportTables.TICKET_PRIORITY, customer(fill(resource("ticket_priority.sql"))), null, true),
                stageTransitionsInsert());
    }

    /**
     * Fills in the settings of the customer metrics: {@code ${as_of}} (a query of one row and
     * column as_of, the day they are computed as of), the RFM lookback and currencies. Without a
     * configured day, as_of is the day of the latest event that is not deleted: a deleted event
     * counts in no metric, so it must not move the day they are computed as of either.
     */
    String customer(String template) {
        String asOf = config.asOfDay()
                .map(day -> "SELECT DATE '" + day + "' AS as_of")
                .orElse("SELECT CAST(MAX(event_time) AS DATE) AS as_of FROM staging.interactions"
                        + " WHERE deleted_at IS NULL");
        List<String> rates = new ArrayList<>();
        rates.add("(CAST('" + config.rfm().currency() + "' AS STRING), CAST(1 AS DECIMAL(12, 6)))");
        config.rfm()
                .exchangeRates()
                .forEach((code, rate) -> rates.add(
                        "(CAST('" + code + "' AS STRING), CAST(" + rate.toPlainString() + " AS DECIMAL(12, 6)))"));
        return template.replace("${as_of}", asOf)
                .replace("${currency_rates}", String.join(",\n        ", rates))
                .replace("${lookback_days}", Integer.toString(config.rfm().lookbackDays()))
                .replace("${window_days}", Integer.toString(config.health().windowDays()))
                .replace("${currency}", config.rfm().currency());
    }

    /** {@code metrics.journey_stages}, computed from the timeline, replacing the whole table. */
    private MetricStatement journeyStagesInsert() {
        String stages = asOfFilled(resource("journey_stages_query.sql"))
                .replace(
                        "${churn_after_days}", Integer.toString(config.journey().churnAfterDays()));
        return new MetricStatement(
                RapportTables.JOURNEY_STAGES,
                resource("journey_stages.sql").replace("${journey_stages_query}", stages),
                null,
                false);
    }

    /**
     * {@code metrics.stage_transitions}, the funnel between the stages of {@code
     * metrics.journey_stages} (which it reads), replacing the whole table.
     */
    public MetricStatement stageTransitionsInsert() {
        JourneyConfig journey = config.journey();
        String transitions = resource("stage_transitions.sql")
                .replace("${window_days}", Integer.toString(journey.windowDays()))
                .replace("${churn_after_days}", Integer.toString(journey.churnAfterDays()));
        return new MetricStatement(RapportTables.STAGE_TRANSITIONS, transitions, null, false);
    }

    /**
     * The as-of day of the journey: the last day recomputed as a literal, else the day of the
     * latest event, from the as_of row the query joins in. (A constant one-row join instead of the
     * literal trips the planner.)
     */
    private String asOfFilled(String query) {
        Optional<LocalDate> last = config.lastDayRecomputed();
        return query.replace("${as_of_join}", last.isPresent() ? "" : "CROSS JOIN as_of AS a")
                .replace("${as_of_day}", last.map(day -> "DATE '" + day + "'").orElse("a.as_of_day"));
    }

    private static String dateOrNull(java.util.Optional<LocalDate> day) {
        return day.map(d -> "DATE '" + d + "'").orElse("CAST(NULL AS DATE)");
    }

    /**
     * One query returning {@code (table_name, row_count)} per statement: the rows each table holds
     * in the months the run recomputed, read back after the commit.
     */
    public String rowCounts(List<MetricStatement> statements) {
        return statements.stream()
                .map(statement -> "SELECT CAST('" + statement.table().qualifiedName() + "' AS STRING) AS table_name, "
                        + "COUNT(*) AS row_count FROM " + statement.table().qualifiedName() + " WHERE "
                        + (statement.rangeColumn() == null
                                ? "TRUE"
                                : statement.rangeIsDate()
                                        ? dayRange(statement.rangeColumn())
                                        : timeRange(statement.rangeColumn())))
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    String fill(String template) {
        Matcher matcher = RANGE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String range = matcher.group(1).equals("time") ? timeRange(matcher.group(2)) : dayRange(matcher.group(2));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(range));
        }
        matcher.appendTail(filled);
        return filled.toString()
                .replace("${sla_policy}", policyRows(config.sla()))
                .replace(
                        "${reopen_window_seconds}",
                        Long.toString(config.sla().reopenWindow().toSeconds()));
    }

    /** Bounds as epoch milliseconds, the same instants whatever the session time zone. */
    private String timeRange(String column) {
        StringBuilder range = new StringBuilder("TRUE");
        config.firstDayRecomputed().ifPresent(day -> range.append(" AND ")
                .append(quoted(column))
                .append(" >= TO_TIMESTAMP_LTZ(")
                .append(startMillis(day))
                .append(", 3)"));
        config.lastDayRecomputed().ifPresent(day -> range.append(" AND ")
                .append(quoted(column))
                .append(" < TO_TIMESTAMP_LTZ(")
                .append(startMillis(day.plusDays(1)))
                .append(", 3)"));
        return range.toString();
    }

    private String dayRange(String column) {
        StringBuilder range = new StringBuilder("TRUE");
        config.firstDayRecomputed().ifPresent(day -> range.append(" AND ")
                .append(quoted(column))
                .append(" >= DATE '")
                .append(day)
                .append("'"));
        config.lastDayRecomputed().ifPresent(day -> range.append(" AND ")
                .append(quoted(column))
                .append(" <= DATE '")
                .append(day)
                .append("'"));
        return range.toString();
    }

    /** {@code b.day} becomes {@code b.`day`}: day is a reserved word. */
    private static String quoted(String column) {
        return List.of(column.split("\\.")).stream()
                .map(part -> "`" + part + "`")
                .collect(Collectors.joining("."));
    }

    private static String policyRows(SlaPolicy policy) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, SlaTarget> entry : policy.targets().entrySet()) {
            rows.add("(CAST('" + entry.getKey() + "' AS STRING), CAST("
                    + entry.getValue().firstResponse().toSeconds() + " AS BIGINT), CAST("
                    + entry.getValue().resolution().toSeconds() + " AS BIGINT))");
        }
        rows.sort(null);
        return String.join(",\n        ", rows);
    }

    private static long startMillis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String resource(String name) {
        try (InputStream in = MetricStatements.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
        }
    }
}
