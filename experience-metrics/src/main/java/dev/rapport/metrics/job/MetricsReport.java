package dev.rapport.metrics.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.nps.NpsAggregate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one {@link MetricsJob} run wrote: the rows of {@code metrics.nps_daily} in the days it
 * recomputed and their totals, read back from the table after the commit.
 *
 * @param firstDay first day recomputed (UTC), empty when the run covered every day
 * @param lastDay last day recomputed (UTC), empty when the run covered every day
 * @param rowsWritten rows of {@code metrics.nps_daily} in that range after the run
 * @param totals responses, promoters, passives and detractors summed over those rows
 * @param tables rows of every metric table written (nps_daily first), in the days recomputed,
 *     by qualified table name; a table the run skipped is absent
 * @param elapsed wall-clock time of the run, for progress output only
 */
public record MetricsReport(
        Optional<LocalDate> firstDay,
        Optional<LocalDate> lastDay,
        long rowsWritten,
        NpsAggregate totals,
        Map<String, Long> tables,
        Duration elapsed) {

    public MetricsReport {
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        requireNonNull(totals, "totals is null");
        requireNonNull(elapsed, "elapsed is null");
        // Keeps the order the job wrote the tables in.
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tables, "tables is null")));
        if (rowsWritten < 0) {
            throw new IllegalArgumentException("rowsWritten is negative: " + rowsWritten);
        }
    }

    public long responses() {
        return totals.responses();
    }

    public long promoters() {
        return totals.promoters();
    }

    public long passives() {
        return totals.passives();
    }

    public long detractors() {
        return totals.detractors();
    }

    /** NPS over every response of the range, empty when there were none. */
    public OptionalDouble nps() {
        return totals.nps();
    }
}
