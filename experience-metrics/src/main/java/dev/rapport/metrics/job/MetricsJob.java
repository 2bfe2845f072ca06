package dev.rapport.metrics.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.customer.function.CustomerFunctions;
import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.metrics.nps.NpsDailyStatements;
import dev.rapport.metrics.statement.MetricStatement;
import dev.rapport.metrics.statement.MetricStatements;
import dev.rapport.metrics.statement.TableResults;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.FlinkSqlCatalog;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.iceberg.flink.FlinkConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the metric tables from {@code staging.interactions} (and, for the customer timeline,
 * {@code identity.identity_map} and {@code staging.customer_records}) with Flink SQL batch
 * statements: {@code metrics.nps_daily} ({@code nps_daily.sql}, where the definition of a
 * response is written down), then CSAT, CES, email engagement, support SLA (per ticket and per
 * day), the customer timeline and the feedback sentiment and topics, all in one Flink job (a
 * statement set, so the job starts once and staging is planned once); then {@code
 * metrics.nps_drivers}, {@code metrics.customer_rfm} and {@code metrics.customer_health}, which
 * read the support SLA and timeline just written, as a second job, and {@code
 * metrics.ticket_priority}, which reads those two, and {@code metrics.stage_transitions}, which
 * reads the journey stages of the second, as a third. The
 * timeline (and the experience drivers) are skipped, with a log line, when identity resolution has
 * not run yet.
 *
 * <p>{@code metrics.nps_daily} is broken down by the respondent's RFM segment, read from the
 * timeline and {@code metrics.customer_rfm}: when the timeline exists it is written by the third
 * job, after them; without it (and in the NPS-only mode, which computes no timeline) it is written
 * by the first job with every segment {@code 'unknown'}.
 *
 * <p>Idempotent: the statement is an {@code INSERT OVERWRITE}, which on the month-partitioned
 * table replaces the months it writes rows for and keeps every other month, so a rerun over the
 * same input leaves the same rows. A run limited to {@code from}/{@code to} recomputes whole months
 * (see {@link MetricsConfig#firstDayRecomputed()}). A month whose responses have all disappeared
 * from staging receives no rows, and so keeps its old ones.
 *
 * <p>Deletions: ingestion keeps a deleted source row (a change event with op d) as a row with
 * {@code deleted_at} set. Every statement reads {@code staging.interactions} with {@code deleted_at
 * IS NULL}, so a deleted order, ticket event or survey answer counts in no metric and does not move
 * the as-of day; the next run over its month drops it (a month whose every event is deleted keeps
 * its old rows, as above).
 */
public final class MetricsJob {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsJob.class);

    private final CatalogConfig catalog;
    private final MetricsConfig config;
    private final NpsDailyStatements statements;
    private final MetricStatements metrics;
    private final boolean npsOnly;

    /** The job that computes every metric table. */
    public MetricsJob(CatalogConfig catalog, MetricsConfig config) {
        this(catalog, config, false);
    }

    /**
     * @param npsOnly compute {@code metrics.nps_daily} alone: a much smaller plan (planning the
     *     whole set takes seconds), for callers and tests that need only NPS; every segment is
     *     then {@code 'unknown'} (no timeline is computed)
     */
    public MetricsJob(CatalogConfig catalog, MetricsConfig config, boolean npsOnly) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.config = requireNonNull(config, "config is null");
        this.statements = new NpsDailyStatements();
        this.metrics = new MetricStatements(config);
        this.npsOnly = npsOnly;
    }

    /**
     * Runs the job in a new batch {@link TableEnvironment} at this parallelism (in-process, or on
     * the cluster of the surrounding execution context) and waits for it.
     */
    public MetricsReport run(int parallelism) {
        return run(parallelism, new Configuration());
    }

    /**
     * As {@link #run(int)}, with more Flink settings, e.g. those that send the job to a cluster
     * ({@code execution.target}, {@code rest.address}).
     */
    public MetricsReport run(int parallelism, Configuration settings) {
        return run(batchEnvironment(parallelism, settings));
    }

    /**
     * Runs these INSERT statements alone, as one batch job at this parallelism, with the views and
     * functions of the whole job: to recompute a few tables whose inputs exist (the statements of
     * {@link MetricStatements} and {@link NpsDailyStatements}), as {@code rapport bench metrics}
     * does to time the NPS, email and funnel statements beside DuckDB.
     */
    public void runStatements(int parallelism, List<String> inserts) {
        if (inserts.isEmpty()) {
            throw new IllegalArgumentException("no statements to run");
        }
        TableEnvironment tableEnv = batchEnvironment(parallelism, new Configuration());
        prepare(tableEnv);
        registerViewsAndFunctions(tableEnv);
        StatementSet job = tableEnv.createStatementSet();
        inserts.forEach(job::addInsertSql);
        TableResults.await(job.execute(), "metrics statements");
    }

    private static TableEnvironment batchEnvironment(int parallelism, Configuration settings) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        Configuration configuration = new Configuration(settings);
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(configuration)
                .build());
    }

    /** The temporary views and functions the metric statements share. */
    private void registerViewsAndFunctions(TableEnvironment tableEnv) {
        for (String setup : metrics.setup()) {
            tableEnv.executeSql(setup);
        }
        CustomerFunctions.register(tableEnv, config);
    }

    /** UTC session time zone (the day columns are UTC dates), Iceberg's sink, the Rapport catalog. */
    private void prepare(TableEnvironment tableEnv) {
        tableEnv.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        // Iceberg's FLIP-143 (Sink V2) sink rather than its legacy DataStream sink.
        tableEnv.getConfig().set(FlinkConfigOptions.TABLE_EXEC_ICEBERG_USE_V2_SINK, true);
        FlinkSqlCatalog.register(tableEnv, catalog);
    }

    /**
     * Runs the job in the given batch {@link TableEnvironment}, whose session time zone it sets to
     * UTC (the {@code day} column is a UTC date) and in which it registers the Rapport catalog.
     */
    public MetricsReport run(TableEnvironment tableEnv) {
        requireNonNull(tableEnv, "tableEnv is null");
        long started = System.nanoTime();
        boolean withTimeline;
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            if (!rapport.exists(RapportTables.INTERACTIONS)) {
                throw new IllegalStateException(RapportTables.INTERACTIONS.qualifiedName()
                        + " does not exist in the catalog; run ingestion first");
            }
            rapport.ensure(RapportTables.NPS_DAILY);
            withTimeline = rapport.exists(RapportTables.IDENTITY_MAP) && rapport.exists(RapportTables.CUSTOMER_RECORDS);
            if (!npsOnly) {
                for (MetricStatement statement : metrics.inserts(withTimeline)) {
                    rapport.ensure(statement.table());
                }
                for (MetricStatement statement : metrics.derivedInserts(withTimeline)) {
                    rapport.ensure(statement.table());
                }
                for (MetricStatement statement : metrics.finalInserts(withTimeline)) {
                    rapport.ensure(statement.table());
                }
            }
        }
        if (!withTimeline && !npsOnly) {
            LOG.info(
                    "{} skipped: {} or {} does not exist yet; run resolve first",
                    RapportTables.CUSTOMER_TIMELINE.qualifiedName(),
                    RapportTables.IDENTITY_MAP.qualifiedName(),
                    RapportTables.CUSTOMER_RECORDS.qualifiedName());
        }
        List<MetricStatement> inserts = npsOnly ? List.of() : metrics.inserts(withTimeline);
        prepare(tableEnv);

        if (!inserts.isEmpty()) {
            registerViewsAndFunctions(tableEnv);
        }
        // nps_daily's segment reads customer_rfm: with the timeline it is written by the last job.
        boolean segmented = withTimeline && !npsOnly;
        StatementSet job = tableEnv.createStatementSet();
        if (!segmented) {
            job.addInsertSql(statements.insertOverwrite(config, false));
        }
        inserts.forEach(statement -> job.addInsertSql(statement.insert()));
        TableResults.await(job.execute(), "metrics job");
        // Tables computed from the metric tables just written (nps_drivers reads the timeline and
        // support_sla): a second job, which sees the first one's commits.
        List<MetricStatement> derived = npsOnly ? List.of() : metrics.derivedInserts(withTimeline);
        if (!derived.isEmpty()) {
            StatementSet second = tableEnv.createStatementSet();
            derived.forEach(statement -> second.addInsertSql(statement.insert()));
            TableResults.await(second.execute(), "metrics job");
        }
        // Tables computed from the second job's (ticket_priority reads customer_rfm and
        // customer_health, stage_transitions journey_stages, nps_daily's segments the timeline and
        // customer_rfm): a third job.
        List<MetricStatement> last = npsOnly ? List.of() : metrics.finalInserts(withTimeline);
        if (segmented || !last.isEmpty()) {
            StatementSet third = tableEnv.createStatementSet();
            if (segmented) {
                third.addInsertSql(statements.insertOverwrite(config, true));
            }
            last.forEach(statement -> third.addInsertSql(statement.insert()));
            TableResults.await(third.execute(), "metrics job");
        }
        List<MetricStatement> written = new java.util.ArrayList<>(inserts);
        written.addAll(derived);
        written.addAll(last);
        MetricsReport report = totals(tableEnv, written, Duration.ofNanos(System.nanoTime() - started));
        report.tables().forEach((table, rows) -> LOG.info("{}: {} rows", table, rows));
        LOG.info(
                "{}: {} rows, {} responses, NPS {} in {} ms",
                RapportTables.NPS_DAILY.qualifiedName(),
                report.rowsWritten(),
                report.responses(),
                report.nps().isPresent() ? String.format("%.1f", report.nps().getAsDouble()) : "n/a",
                report.elapsed().toMillis());
        return report;
    }

    private MetricsReport totals(TableEnvironment tableEnv, List<MetricStatement> inserts, Duration insertTime) {
        long started = System.nanoTime();
        List<Row> rows = TableResults.collect(tableEnv.executeSql(statements.totals(config)), "the metrics totals");
        if (rows.size() != 1) {
            throw new IllegalStateException("the totals query returned " + rows.size() + " rows, expected 1");
        }
        Row row = rows.get(0);
        // The record checks that promoters + passives + detractors add up to responses.
        NpsAggregate totals = new NpsAggregate(
                longField(row, "responses"),
                longField(row, "promoters"),
                longField(row, "passives"),
                longField(row, "detractors"));
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put(RapportTables.NPS_DAILY.qualifiedName(), longField(row, "row_count"));
        Map<String, Long> counted = new java.util.HashMap<>();
        if (!inserts.isEmpty()) {
            for (Row count : TableResults.collect(
                    tableEnv.executeSql(metrics.rowCounts(inserts)), "the metric tables' row counts")) {
                counted.put((String) count.getField("table_name"), longField(count, "row_count"));
            }
        }
        for (MetricStatement insert : inserts) {
            String name = insert.table().qualifiedName();
            Long written = counted.get(name);
            if (written == null) {
                throw new IllegalStateException("the row counts query returned nothing for " + name);
            }
            tables.put(name, written);
        }
        return new MetricsReport(
                config.firstDayRecomputed(),
                config.lastDayRecomputed(),
                longField(row, "row_count"),
                totals,
                tables,
                insertTime.plusNanos(System.nanoTime() - started));
    }

    private static long longField(Row row, String name) {
        Object value = row.getField(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("totals column " + name + " is " + value + ", expected a number");
        }
        return number.longValue();
    }
}
