package dev.rapport.ingest.read;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into a {@link RawRecord} located at {@code topic/partition/offset}. It never
 * fails: the value's bytes are decoded as UTF-8 (invalid bytes become U+FFFD) and parsing happens in
 * the mapping step, so a malformed or empty value is quarantined with its location instead of
 * failing the job and replaying the same poison record forever.
 *
 * <p>For change-event topics, tombstones (a null value after a delete, which Debezium writes so that
 * log compaction can drop the key) carry nothing to store and are skipped.
 */
public final class KafkaRawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final boolean skipTombstones;

    /** @param skipTombstones true for change-event topics, whose null values only mark a compacted key */
    public KafkaRawRecordDeserializer(boolean skipTombstones) {
        this.skipTombstones = skipTombstones;
    }

    public KafkaRawRecordDeserializer() {
        this(false);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        if (skipTombstones && record.value() == null) {
            return;
        }
        out.collect(of(record.topic(), record.partition(), record.offset(), record.value()));
    }

    /** The raw record of one Kafka record's value; {@code file} is {@code topic/partition}. */
    public static RawRecord of(String topic, int partition, long offset, byte[] value) {
        String partitionName = topic + "/" + partition;
        return RawRecord.of(
                partitionName,
                offset,
                partitionName + "/" + offset,
                value == null ? "" : new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
