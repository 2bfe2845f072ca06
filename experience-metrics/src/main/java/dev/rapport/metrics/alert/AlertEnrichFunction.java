package dev.rapport.metrics.alert;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Turns a detractor's response into its {@code feeds.alerts} row: the customer it resolves to and
 * its open tickets ({@link OpenTicketIndex}), reread from the catalog when older than the refresh
 * interval, so tickets opened or closed while the loop runs are seen within that interval.
 */
public final class AlertEnrichFunction extends RichMapFunction<SurveyResponse, RowData> {

    private static final long serialVersionUID = 1L;

    private final CatalogConfig catalog;
    private final Duration refresh;
    private transient OpenTicketIndex index;
    private transient long loadedAtNanos;

    public AlertEnrichFunction(CatalogConfig catalog, Duration refresh) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.refresh = requireNonNull(refresh, "refresh is null");
    }

    @Override
    public void open(OpenContext context) {
        reload();
    }

    private void reload() {
        index = OpenTicketIndex.load(catalog);
        loadedAtNanos = System.nanoTime();
    }

    @Override
    public RowData map(SurveyResponse response) {
        if (index == null || System.nanoTime() - loadedAtNanos > refresh.toNanos()) {
            reload();
        }
        return row(response, index);
    }

    /** The alert row, in the column order of {@code feeds.alerts}. */
    static RowData row(SurveyResponse response, OpenTicketIndex index) {
        List<String> tickets = index.openTickets(response.customerSource, response.customerRef);
        StringData[] ticketData = tickets.stream().map(StringData::fromString).toArray(StringData[]::new);
        return GenericRowData.of(
                StringData.fromString(response.source + ":" + response.responseId),
                StringData.fromString(response.source),
                StringData.fromString(response.responseId),
                string(index.customerOf(response.customerSource, response.customerRef)
                        .orElse(null)),
                string(response.customerSource),
                string(response.customerRef),
                StringData.fromString(response.surveyType),
                response.score,
                string(response.comment),
                string(response.commentLanguage),
                string(response.channel),
                string(response.touchpoint),
                TimestampData.fromEpochMillis(
                        Math.floorDiv(response.respondedAtMicros, 1000),
                        (int) Math.floorMod(response.respondedAtMicros, 1000) * 1000),
                new GenericArrayData(ticketData),
                tickets.size(),
                StringData.fromString(response.location));
    }

    private static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }
}
