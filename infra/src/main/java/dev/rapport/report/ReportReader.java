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

    /**
     * One aggregation for the single query that reads every core table: a kind, up to two keys and
     * up to eight counts, so all of them fit one UNION ALL (one Flink job instead of a dozen).
     */
    private record Part(String kind, String table, String key1, String key2, List<String> values, String rest) {}

    private static final int VALUES = 8;

    private static final List<String> NPS_SUMS = List.of("SUM(responses)", "SUM(promoters)", "SUM(detractors)");

    private static final List<Part> PARTS = List.of(
            new Part("nps_day", "metrics.nps_daily", "`day`", "NULL", NPS_SUMS, "GROUP BY `day`"),
            new Part("nps_channel", "metrics.nps_daily", "channel", "NULL", NPS_SUMS, "GROUP BY channel"),
            new Part("nps_touchpoint", "metrics.nps_daily", "touchpoint", "NULL", NPS_SUMS, "GROUP BY touchpoint"),
            new Part(
                    "csat_day",
                    "metrics.csat_daily",
                    "`day`",
                    "NULL",
                    List.of("SUM(responses)", "SUM(satisfied)"),
                    "GROUP BY `day`"),
            new Part(
                    "ces_day",
                    "metrics.ces_daily",
                    "`day`",
                    "NULL",
                    List.of("SUM(responses)", "SUM(easy)"),
                    "GROUP BY `day`"),
            new Part(
                    "sla_day",
                    "metrics.support_sla_daily",
                    "`day`",
                    "NULL",
                    List.of("SUM(tickets_opened)", "SUM(tickets_breached)"),
                    "GROUP BY `day`"),
            new Part(
                    "sla_priority",
                    "metrics.support_sla_daily",
                    "priority",
                    "NULL",
                    List.of("SUM(tickets_opened)", "SUM(tickets_breached)"),
                    "GROUP BY priority"),
            new Part(
                    "email",
                    "metrics.email_engagement",
                    "NULL",
                    "NULL",
                    List.of(
                            "COUNT(*)",
                            "SUM(sent)",
                            "SUM(delivered)",
                            "SUM(bounced)",
                            "SUM(unique_opens)",
                            "SUM(unique_clicks)",
                            "SUM(unsubscribes)",
                            "SUM(spam_reports)"),
                    ""),
            new Part(
                    "topics",
                    "metrics.feedback_topics",
                    "`language`",
                    "MAX(word)",
                    List.of("SUM(responses)", "SUM(detractors)"),
                    "GROUP BY `language`, term HAVING SUM(detractors) > 0"),
            new Part("sources", "identity.identity_map", "source", "NULL", List.of("COUNT(*)"), "GROUP BY source"),
            new Part(
                    "cluster_sizes",
                    "identity.customer_profile",
                    "record_count",
                    "NULL",
                    List.of("COUNT(*)"),
                    "GROUP BY record_count"),
            new Part(
                    "runs",
                    "staging.ingestion_runs",
                    "source",
                    "started_at",
                    List.of("`read`", "stored", "deduplicated", "quarantined"),
                    "WHERE outcome = 'succeeded'"));

    private static final int KEY1 = 1;
    private static final int KEY2 = 2;
    private static final int FIRST_VALUE = 3;

    private Map<String, List<Row>> core = Map.of();

    public ReportData read() throws Exception {
        core = readCore();
        return new ReportData(
                days("nps_day"),
                groups("nps_channel"),
                groups("nps_touchpoint"),
                days("csat_day"),
                days("ces_day"),
                days("sla_day"),
                groups("sla_priority"),
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

    private Map<String, List<Row>> readCore() throws Exception {
        List<String> selects = new ArrayList<>();
        java.util.Set<String> tables = new java.util.TreeSet<>();
        for (Part part : PARTS) {
            if (!exists(part.table())) {
                continue;
            }
            tables.add(part.table());
            StringBuilder select = new StringBuilder("SELECT '")
                    .append(part.kind())
                    .append("' AS kind, CAST(")
                    .append(part.key1())
                    .append(" AS STRING) AS key1, CAST(")
                    .append(part.key2())
                    .append(" AS STRING) AS key2");
            for (int i = 0; i < VALUES; i++) {
                select.append(", CAST(")
                        .append(i < part.values().size() ? part.values().get(i) : "0")
                        .append(" AS BIGINT) AS v")
                        .append(i + 1);
            }
            String[] name = part.table().split("\\.", 2);
            selects.add(select.append(" FROM `")
                    .append(name[0])
                    .append("`.`")
                    .append(name[1])
                    .append("` ")
                    .append(part.rest())
                    .toString());
        }
        PARTS.stream()
                .map(Part::table)
                .distinct()
                .filter(table -> !tables.contains(table))
                .forEach(table -> console.line("  " + table + ": not in the catalog, section left empty"));
        Map<String, List<Row>> byKind = new HashMap<>();
        if (selects.isEmpty()) {
            return byKind;
        }
        console.line("  reading " + String.join(", ", tables) + " (one query)");
        try (CloseableIterator<Row> iterator =
                tableEnv.executeSql(String.join("\nUNION ALL\n", selects)).collect()) {
            iterator.forEachRemaining(row -> byKind.computeIfAbsent((String) row.getField(0), k -> new ArrayList<>())
                    .add(row));
        }
        return byKind;
    }

    private List<Row> query(String table, String sql) throws Exception {
        console.line("  reading " + table);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = tableEnv.executeSql(sql).collect()) {
            iterator.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<Row> core(String kind) {
        return core.getOrDefault(kind, List.of());
    }

    private List<DayCounts> days(String kind) {
        List<DayCounts> days = new ArrayList<>();
        for (Row row : core(kind)) {
            days.add(new DayCounts(
                    LocalDate.parse((String) row.getField(KEY1)),
                    number(row, FIRST_VALUE),
                    number(row, FIRST_VALUE + 1),
                    number(row, FIRST_VALUE + 2)));
        }
        days.sort(Comparator.comparing(DayCounts::day));
        return days;
    }

    private List<GroupCounts> groups(String kind) {
        List<GroupCounts> groups = new ArrayList<>();
        for (Row row : core(kind)) {
            groups.add(new GroupCounts(
                    String.valueOf(row.getField(KEY1)),
                    number(row, FIRST_VALUE),
                    number(row, FIRST_VALUE + 1),
                    number(row, FIRST_VALUE + 2)));
        }
        groups.sort(Comparator.comparingLong(GroupCounts::total).reversed().thenComparing(GroupCounts::name));
        return groups;
    }

    private Optional<EmailTotals> email() {
        List<Row> rows = core("email");
        if (rows.isEmpty() || number(rows.get(0), FIRST_VALUE) == 0) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        int v = FIRST_VALUE;
        return Optional.of(new EmailTotals(
                number(row, v + 1),
                number(row, v + 2),
                number(row, v + 3),
                number(row, v + 4),
                number(row, v + 5),
                number(row, v + 6),
                number(row, v + 7)));
    }

    private List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        for (Row row : core("topics")) {
            topics.add(new Topic(
                    String.valueOf(row.getField(KEY1)),
                    String.valueOf(row.getField(KEY2)),
                    number(row, FIRST_VALUE),
                    number(row, FIRST_VALUE + 1)));
        }
        topics.sort(Comparator.comparing(Topic::language)
                .thenComparing(Comparator.comparingLong(Topic::detractors).reversed())
                .thenComparing(Topic::word));
        return topics;
    }

    private IdentityHealth identity() {
        List<String> sources = new ArrayList<>();
        long records = 0;
        for (Row row : core("sources")) {
            sources.add(String.valueOf(row.getField(KEY1)));
            records += number(row, FIRST_VALUE);
        }
        sources.sort(null);
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        long customers = 0;
        for (Row row : core("cluster_sizes")) {
            sizes.put(Integer.parseInt((String) row.getField(KEY1)), number(row, FIRST_VALUE));
            customers += number(row, FIRST_VALUE);
        }
        // The newest successful run of each source (started_at as text in one format sorts by time).
        Map<String, Row> newest = new TreeMap<>();
        for (Row row : core("runs")) {
            newest.merge(
                    String.valueOf(row.getField(KEY1)),
                    row,
                    (a, b) ->
                            String.valueOf(a.getField(KEY2)).compareTo(String.valueOf(b.getField(KEY2))) >= 0 ? a : b);
        }
        List<SourceRun> runs = new ArrayList<>();
        newest.forEach((source, row) -> runs.add(new SourceRun(
                source,
                number(row, FIRST_VALUE),
                number(row, FIRST_VALUE + 1),
                number(row, FIRST_VALUE + 2),
                number(row, FIRST_VALUE + 3))));
        return new IdentityHealth(records, customers, sources, sizes, runs);
    }

    private Optional<List<Transition>> transitions() throws Exception {
        if (!exists(STAGE_TRANSITIONS)) {
            console.line("  " + STAGE_TRANSITIONS + ": not computed yet");
            return Optional.empty();
        }
        // One window per step (its longest) so customers are not counted once per window;
        // percentiles of cohorts cannot be merged exactly, so they are averaged weighted by
        // conversions.
        List<Row> rows = query(
                STAGE_TRANSITIONS,
                "SELECT t.from_stage, t.to_stage, MAX(t.window_days), SUM(t.customers), SUM(t.converted),"
                        + weighted("p25_hours") + "," + weighted("median_hours") + "," + weighted("p75_hours") + ","
                        + weighted("p90_hours")
                        + " FROM " + STAGE_TRANSITIONS + " AS t JOIN (SELECT from_stage, to_stage,"
                        + " MAX(window_days) AS window_days FROM " + STAGE_TRANSITIONS
                        + " GROUP BY from_stage, to_stage) AS w ON t.from_stage = w.from_stage"
                        + " AND t.to_stage = w.to_stage AND t.window_days = w.window_days"
                        + " GROUP BY t.from_stage, t.to_stage");
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
                    lastNps instanceof Number n
                            ? (n.doubleValue() == Math.rint(n.doubleValue())
                                    ? String.valueOf(n.longValue())
                                    : Html.oneDecimal(n.doubleValue()))
                            : lastNps == null ? "" : lastNps.toString(),
                    number(row, 5),
                    number(row, 6)));
        }
        return Optional.of(new Health(asOf, atRisk, bands));
    }

    /** The mean of a percentile column over cohorts, weighted by their conversions. */
    private static String weighted(String column) {
        return " SUM(t." + column + " * t.converted) / NULLIF(SUM(CASE WHEN t." + column
                + " IS NULL THEN 0 ELSE t.converted END), 0)";
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
