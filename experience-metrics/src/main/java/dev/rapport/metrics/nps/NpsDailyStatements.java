package dev.rapport.metrics.nps;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.config.MetricsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The Flink SQL of {@code metrics.nps_daily}, read from {@code nps_daily.sql} (with the segment
 * join of {@code nps_daily_segments.sql} when the timeline exists) and {@code nps_totals.sql} next
 * to this package's resources, with the day range of a run filled in.
 *
 * <p>Only {@link LocalDate}s are spliced into the text (Flink SQL has no bind parameters), so
 * nothing from the config file can change the statement's shape.
 */
public final class NpsDailyStatements {

    private static final String INSERT_RESOURCE = "/dev/rapport/metrics/nps_daily.sql";
    private static final String TOTALS_RESOURCE = "/dev/rapport/metrics/nps_totals.sql";
    private static final String SEGMENTS_RESOURCE = "/dev/rapport/metrics/nps_daily_segments.sql";

    /** The segment of an answer, from the columns of {@code nps_daily_segments.sql}. */
    private static final String SEGMENT = "CASE WHEN c.customer_id IS NULL THEN CAST('unknown' AS STRING)"
            + " ELSE COALESCE(r.rfm_segment, CAST('no_purchase' AS STRING)) END";

    private static final String NO_SEGMENT = "CAST('unknown' AS STRING)";

    private final String insertTemplate;
    private final String totalsTemplate;
    private final String segmentsTemplate;

    public NpsDailyStatements() {
        this.insertTemplate = resource(INSERT_RESOURCE);
        this.totalsTemplate = resource(TOTALS_RESOURCE);
        this.segmentsTemplate = resource(SEGMENTS_RESOURCE);
    }

    /**
     * The INSERT OVERWRITE over the whole months the config asks for (every day by default), with
     * every segment {@code 'unknown'}: for runs without the customer timeline.
     */
    public String insertOverwrite(MetricsConfig config) {
        return insertOverwrite(config, false);
    }

    /**
     * The INSERT OVERWRITE over the whole months the config asks for (every day by default).
     *
     * @param withSegments read each answer's customer from {@code metrics.customer_timeline} and
     *     its segment from {@code metrics.customer_rfm} (both must be written first); else every
     *     segment is {@code 'unknown'}
     */
    public String insertOverwrite(MetricsConfig config, boolean withSegments) {
        requireNonNull(config, "config is null");
        String join = withSegments
                ? segmentsTemplate.replace("${time_range(event_time)}", timeRange(config, "event_time"))
                : "";
        return insertTemplate
                .replace("${segment_join}", join)
                .replace("${segment}", withSegments ? SEGMENT : NO_SEGMENT)
                .replace("${time_range}", timeRange(config, "i.event_time"));
    }

    /** The totals over the rows that {@link #insertOverwrite} recomputes. */
    public String totals(MetricsConfig config) {
        requireNonNull(config, "config is null");
        return totalsTemplate.replace("${day_range}", dayRange(config));
    }

    /**
     * Bounds on {@code event_time} as epoch milliseconds, so they mean the same instant whatever
     * the session time zone, and Iceberg can prune its day partitions of staging.interactions.
     */
    private static String timeRange(MetricsConfig config, String column) {
        Optional<LocalDate> first = config.firstDayRecomputed();
        Optional<LocalDate> last = config.lastDayRecomputed();
        StringBuilder range = new StringBuilder("TRUE");
        first.ifPresent(day -> range.append(" AND " + column + " >= TO_TIMESTAMP_LTZ(")
                .append(startMillis(day))
                .append(", 3)"));
        last.ifPresent(day -> range.append(" AND " + column + " < TO_TIMESTAMP_LTZ(")
                .append(startMillis(day.plusDays(1)))
                .append(", 3)"));
        return range.toString();
    }

    private static String dayRange(MetricsConfig config) {
        StringBuilder range = new StringBuilder("TRUE");
        config.firstDayRecomputed()
                .ifPresent(
                        day -> range.append(" AND `day` >= DATE '").append(day).append("'"));
        config.lastDayRecomputed()
                .ifPresent(
                        day -> range.append(" AND `day` <= DATE '").append(day).append("'"));
        return range.toString();
    }

    private static long startMillis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String resource(String name) {
        try (InputStream in = NpsDailyStatements.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
