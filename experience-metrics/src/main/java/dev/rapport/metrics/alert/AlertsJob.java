package dev.rapport.metrics.alert;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop: survey responses from a Kafka topic (JSON, {@link SurveyResponseParser}); each
 * detractor's answer ({@link DetractorAlertRule}) becomes a {@code feeds.alerts} row with the
 * customer it resolves to and its open tickets ({@link AlertEnrichFunction}). Unreadable messages
 * are counted and logged by location (never their content) and raise no alert.
 *
 * <p>Exactly once into Iceberg: the Kafka offsets are checkpointed and the sink commits each
 * checkpoint's files when the checkpoint completes; a replayed response upserts its own row again
 * ({@code alert_id} is {@code source:response_id}). An alert is visible after the checkpoint that
 * follows it, so the checkpoint interval bounds the delay. Run in STREAMING mode with checkpointing.
 */
public final class AlertsJob {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsJob.class);

    private final CatalogConfig catalog;
    private final AlertsConfig config;

    public AlertsJob(CatalogConfig catalog, AlertsConfig config) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.config = requireNonNull(config, "config is null");
    }

    public void build(StreamExecutionEnvironment env) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            throw new IllegalStateException("the alerts job needs checkpointing: Iceberg commits only on checkpoints");
        }
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            rapport.ensure(RapportTables.ALERTS);
        }
        DataStream<SurveyResponse> responses = env.fromSource(
                        kafkaSource(config), WatermarkStrategy.noWatermarks(), "survey responses " + config.topic())
                .uid("alerts-read")
                .name("read " + config.topic());
        DataStream<RowData> alerts = responses
                .filter(response -> {
                    if (response.error != null) {
                        LOG.warn("unreadable survey response at {}: {}", response.location, response.error);
                        return false;
                    }
                    return DetractorAlertRule.raisesAlert(response);
                })
                .uid("alerts-detractors")
                .name("detractors")
                .map(new AlertEnrichFunction(catalog, config.lookupRefresh()))
                .returns(InternalTypeInfo.of(FlinkSchemaUtil.convert(RapportTables.ALERTS.schema())))
                .uid("alerts-enrich")
                .name("customer and open tickets");
        IcebergSink.forRowData(alerts)
                .tableLoader(TableLoader.fromCatalog(catalog.catalogLoader(), RapportTables.ALERTS.identifier()))
                .equalityFieldColumns(RapportTables.ALERTS.identifierFieldNames())
                .upsert(true)
                .uidSuffix("alerts-" + RapportTables.ALERTS.qualifiedName())
                .append()
                .name("write " + RapportTables.ALERTS.qualifiedName());
    }

    static KafkaSource<SurveyResponse> kafkaSource(AlertsConfig config) {
        return KafkaSource.<SurveyResponse>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.topic())
                .setGroupId(config.groupId())
                .setStartingOffsets(
                        switch (config.startingOffsets()) {
                            case EARLIEST -> OffsetsInitializer.earliest();
                            case LATEST -> OffsetsInitializer.latest();
                            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                        })
                .setDeserializer(new SurveyResponseDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("isolation.level", "read_committed")
                .setClientIdPrefix("rapport-alerts-" + config.topic())
                .build();
    }
}
