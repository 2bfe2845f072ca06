package dev.rapport.metrics.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.nps.NpsDailyStatements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the metrics job that reads {@code staging.interactions} keeps deleted events
 * out: for each read under an alias ({@code staging.interactions AS i}) the statement has an
 * {@code i.deleted_at IS NULL}, for each read without one a bare {@code deleted_at IS NULL}. A new
 * read added without the filter fails here; CustomerMetricsIT checks the figures.
 */
class TestDeletedInteractionsFilter {

    private static final Pattern READ = Pattern.compile("staging\\.interactions(?:\\s+AS\\s+(\\w+))?");
    private static final Pattern FILTER = Pattern.compile("(?<![\\w.])(?:(\\w+)\\.)?deleted_at IS NULL");

    @Test
    void everyReadOfInteractionsFiltersDeletedRows() {
        Map<String, String> statements = statements();
        assertThat(statements.values()).anySatisfy(sql -> assertThat(sql).contains("staging.interactions"));
        statements.forEach((name, sql) -> {
            String code = withoutComments(sql);
            Map<String, Integer> reads = count(READ, code);
            Map<String, Integer> filters = count(FILTER, code);
            reads.forEach((alias, times) -> assertThat(filters.getOrDefault(alias, 0))
                    .as("%s: reads of staging.interactions %s and their deleted_at IS NULL filters", name, alias)
                    .isGreaterThanOrEqualTo(times));
        });
    }

    @Test
    void theDefaultAsOfDayIgnoresDeletedEvents() {
        String rfm = new MetricStatements(MetricsConfig.defaults())
                .derivedInserts(true)
                .get(1)
                .insert();
        assertThat(rfm)
                .contains("SELECT CAST(MAX(event_time) AS DATE) AS as_of FROM staging.interactions"
                        + " WHERE deleted_at IS NULL");
    }

    /** The statements the job runs, with and without the timeline, by a name for the message. */
    private static Map<String, String> statements() {
        MetricsConfig config = MetricsConfig.defaults();
        MetricStatements metrics = new MetricStatements(config);
        Map<String, String> statements = new LinkedHashMap<>();
        List<String> setup = metrics.setup();
        for (int i = 0; i < setup.size(); i++) {
            statements.put("setup " + i, setup.get(i));
        }
        for (boolean withTimeline : List.of(true, false)) {
            List<MetricStatement> all = new ArrayList<>(metrics.inserts(withTimeline));
            all.addAll(metrics.derivedInserts(withTimeline));
            all.addAll(metrics.finalInserts(withTimeline));
            for (MetricStatement statement : all) {
                statements.put(statement.table().qualifiedName() + " timeline=" + withTimeline, statement.insert());
            }
        }
        NpsDailyStatements nps = new NpsDailyStatements();
        statements.put("nps_daily", nps.insertOverwrite(config, false));
        statements.put("nps_daily with segments", nps.insertOverwrite(config, true));
        statements.put("nps_totals", nps.totals(config));
        return statements;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }

    /** Occurrences by alias; the empty string for none. */
    private static Map<String, Integer> count(Pattern pattern, String code) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            String alias = matcher.group(1) == null ? "" : matcher.group(1);
            counts.merge(alias, 1, Integer::sum);
        }
        return counts;
    }
}
