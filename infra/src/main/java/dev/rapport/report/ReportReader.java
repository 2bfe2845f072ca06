package dev.rapport.report;

import dev.rapport.report.ReportData.AtRisk;
import dev.rapport.report.ReportData.DayCounts;
import dev.rapport.report.ReportData.EmailTotals;
import dev.rapport.report.ReportData.GroupCounts;
import dev.rapport.report.ReportData.Health;
import dev.rapport.report.ReportData.IdentityHealth;
import dev.rapport.report.ReportData.SourceRun;
import dev.rapport.report.ReportData.Topic;
import dev.rapport.report.ReportData.Transition;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.FlinkSqlCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Reads what the report shows from Rapport's tables in one Flink SQL (batch) session. Every query
 * aggregates in SQL, so only small results come back. A table that does not exist reads as empty.
 */
public final class ReportReader {

    /** Tables written by later stages; read only when the catalog has them. */
    public static final String STAGE_TRANSITIONS = "metrics.stage_transitions";

    public static final String CUSTOMER_HEALTH = "metrics.customer_health";

    private static final int TOP_AT_RISK = 10;

    private final TableEnvironment tableEnv;
    private final Catalog catalog;
    private final Console console;

    public ReportReader(CatalogConfig catalogConfig, int parallelism, Console console) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        this.tableEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(conf)
                .build());
        FlinkSqlCatalog.register(tableEnv, catalogConfig);
        this.catalog = tableEnv.getCatalog(CatalogConfig.CATALOG_NAME)
                .orElseThrow(
                        () -> new IllegalStateException("catalog " + CatalogConfig.CATALOG_NAME + " not registered"));
        this.console = console;
    }

    public ReportData read() throws Exception {
        return new ReportData(
                days("metrics.nps_daily", "SUM(responses), SUM(promoters), SUM(detractors)"),
                groups("metrics.nps_daily", "channel", "SUM(responses), SUM(promoters), SUM(detractors)"),
                groups("metrics.nps_daily", "touchpoint", "SUM(responses), SUM(promoters), SUM(detractors)"),
                days("metrics.csat_daily", "SUM(responses), SUM(satisfied), CAST(0 AS BIGINT)"),
                days("metrics.ces_daily", "SUM(responses), SUM(easy), CAST(0 AS BIGINT)"),
                days("metrics.support_sla_daily", "SUM(tickets_opened), SUM(tickets_breached), CAST(0 AS BIGINT)"),
                groups(
                        "metrics.support_sla_daily",
                        "priority",
                        "SUM(tickets_opened), SUM(tickets_breached), CAST(0 AS BIGINT)"),
                email(),
                topics(),
                identity(),
                transitions(),
                health());
    }

    public boolean exists(String table) throws Exception {
        String[] parts = table.split("\\.", 2);
        return catalog.tableExists(new ObjectPath(parts[0], parts[1]));
    }

    private List<Row> query(String table, String sql) throws Exception {
        if (!exists(table)) {
            console.line("  " + table + ": not in the catalog, section left empty");
            return List.of();
        }
        console.line("  reading " + table);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = tableEnv.executeSql(sql).collect()) {
            iterator.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<DayCounts> days(String table, String sums) throws Exception {
        List<DayCounts> days = new ArrayList<>();
        for (Row row : query(table, "SELECT `day`, " + sums + " FROM " + table + " GROUP BY `day`")) {
            days.add(new DayCounts((LocalDate) row.getField(0), number(row, 1), number(row, 2), number(row, 3)));
        }
        days.sort(Comparator.comparing(DayCounts::day));
        return days;
    }

    private List<GroupCounts> groups(String table, String column, String sums) throws Exception {
        List<GroupCounts> groups = new ArrayList<>();
        for (Row row : query(table, "SELECT " + column + ", " + sums + " FROM " + table + " GROUP BY " + column)) {
            groups.add(
                    new GroupCounts(String.valueOf(row.getField(0)), number(row, 1), number(row, 2), number(row, 3)));
        }
        groups.sort(Comparator.comparingLong(GroupCounts::total).reversed().thenComparing(GroupCounts::name));
        return groups;
    }

    private Optional<EmailTotals> email() throws Exception {
        List<Row> rows = query(
                "metrics.email_engagement",
                "SELECT COUNT(*), SUM(sent), SUM(delivered), SUM(bounced), SUM(unique_opens), SUM(unique_clicks),"
                        + " SUM(unsubscribes), SUM(spam_reports) FROM metrics.email_engagement");
        if (rows.isEmpty() || number(rows.get(0), 0) == 0) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        return Optional.of(new EmailTotals(
                number(row, 1),
                number(row, 2),
                number(row, 3),
                number(row, 4),
                number(row, 5),
                number(row, 6),
                number(row, 7)));
    }

    private List<Topic> topics() throws Exception {
        List<Topic> topics = new ArrayList<>();
        for (Row row : query(
                "metrics.feedback_topics",
                "SELECT `language`, MAX(word), SUM(responses), SUM(detractors) FROM metrics.feedback_topics"
                        + " GROUP BY `language`, term HAVING SUM(detractors) > 0")) {
            topics.add(new Topic(
                    String.valueOf(row.getField(0)), String.valueOf(row.getField(1)), number(row, 2), number(row, 3)));
        }
        topics.sort(Comparator.comparing(Topic::language)
                .thenComparing(Comparator.comparingLong(Topic::detractors).reversed())
                .thenComparing(Topic::word));
        return topics;
    }

    private IdentityHealth identity() throws Exception {
        List<String> sources = new ArrayList<>();
        long records = 0;
        for (Row row : query(
                "identity.identity_map", "SELECT source, COUNT(*) FROM `identity`.identity_map GROUP BY source")) {
            sources.add(String.valueOf(row.getField(0)));
            records += number(row, 1);
        }
        sources.sort(null);
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        long customers = 0;
        for (Row row : query(
                "identity.customer_profile",
                "SELECT record_count, COUNT(*) FROM `identity`.customer_profile GROUP BY record_count")) {
            sizes.put((int) number(row, 0), number(row, 1));
            customers += number(row, 1);
        }
        Map<String, Row> newest = new HashMap<>();
        Map<String, Comparable<Object>> newestStart = new HashMap<>();
        for (Row row : query(
                "staging.ingestion_runs",
                "SELECT source, started_at, `read`, stored, deduplicated, quarantined FROM staging.ingestion_runs"
                        + " WHERE outcome = 'succeeded'")) {
            String source = String.valueOf(row.getField(0));
            @SuppressWarnings("unchecked")
            Comparable<Object> started = (Comparable<Object>) row.getField(1);
            if (!newest.containsKey(source) || newestStart.get(source).compareTo(started) < 0) {
                newest.put(source, row);
                newestStart.put(source, started);
            }
        }
        List<SourceRun> runs = new ArrayList<>();
        new TreeMap<>(newest)
                .forEach((source, row) -> runs.add(
                        new SourceRun(source, number(row, 2), number(row, 3), number(row, 4), number(row, 5))));
        return new IdentityHealth(records, customers, sources, sizes, runs);
    }

    private Optional<List<Transition>> transitions() throws Exception {
        if (!exists(STAGE_TRANSITIONS)) {
            console.line("  " + STAGE_TRANSITIONS + ": not computed yet");
            return Optional.empty();
        }
        // One window (the longest) so customers are not counted once per window; percentiles of
        // cohorts cannot be merged exactly, so they are averaged weighted by conversions.
        List<Row> rows = query(
                STAGE_TRANSITIONS,
                "SELECT from_stage, to_stage, MAX(window_days), SUM(customers), SUM(converted),"
                        + " SUM(p25_hours * converted) / NULLIF(SUM(CASE WHEN p25_hours IS NULL THEN 0 ELSE converted END), 0),"
                        + " SUM(median_hours * converted) / NULLIF(SUM(CASE WHEN median_hours IS NULL THEN 0 ELSE converted END), 0),"
                        + " SUM(p75_hours * converted) / NULLIF(SUM(CASE WHEN p75_hours IS NULL THEN 0 ELSE converted END), 0),"
                        + " SUM(p90_hours * converted) / NULLIF(SUM(CASE WHEN p90_hours IS NULL THEN 0 ELSE converted END), 0)"
                        + " FROM " + STAGE_TRANSITIONS
                        + " WHERE window_days = (SELECT MAX(window_days) FROM " + STAGE_TRANSITIONS + ")"
                        + " GROUP BY from_stage, to_stage");
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Transition> transitions = new ArrayList<>();
        for (Row row : rows) {
            transitions.add(new Transition(
                    String.valueOf(row.getField(0)),
                    String.valueOf(row.getField(1)),
                    (int) number(row, 2),
                    number(row, 3),
                    number(row, 4),
                    decimal(row, 5),
                    decimal(row, 6),
                    decimal(row, 7),
                    decimal(row, 8)));
        }
        return Optional.of(FunnelOrder.chain(transitions));
    }

    private Optional<Health> health() throws Exception {
        if (!exists(CUSTOMER_HEALTH)) {
            console.line("  " + CUSTOMER_HEALTH + ": not computed yet");
            return Optional.empty();
        }
        String newest = " WHERE as_of = (SELECT MAX(as_of) FROM " + CUSTOMER_HEALTH + ")";
        Map<String, Long> bands = new LinkedHashMap<>();
        String asOf = null;
        for (Row row : query(
                CUSTOMER_HEALTH,
                "SELECT risk_band, COUNT(*), MAX(as_of) FROM " + CUSTOMER_HEALTH + newest + " GROUP BY risk_band")) {
            bands.put(String.valueOf(row.getField(0)), number(row, 1));
            asOf = String.valueOf(row.getField(2));
        }
        if (bands.isEmpty()) {
            return Optional.empty();
        }
        List<AtRisk> atRisk = new ArrayList<>();
        for (Row row : query(
                CUSTOMER_HEALTH,
                "SELECT customer_id, churn_risk, risk_band, reasons, last_nps, open_tickets, breached_tickets FROM "
                        + CUSTOMER_HEALTH + newest + " ORDER BY churn_risk DESC, customer_id LIMIT " + TOP_AT_RISK)) {
            Object reasons = row.getField(3);
            Object lastNps = row.getField(4);
            atRisk.add(new AtRisk(
                    String.valueOf(row.getField(0)),
                    ((Number) row.getField(1)).doubleValue(),
                    String.valueOf(row.getField(2)),
                    reasons == null
                            ? List.of()
                            : Arrays.stream(reasons.toString().split(";\\s*"))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList(),
                    lastNps == null ? "" : lastNps.toString(),
                    number(row, 5),
                    number(row, 6)));
        }
        return Optional.of(new Health(asOf, atRisk, bands));
    }

    private static long number(Row row, int index) {
        Object value = row.getField(index);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Row row, int index) {
        Object value = row.getField(index);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
