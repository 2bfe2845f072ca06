package dev.rapport.ingest.read;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.AvroEncoding;
import dev.rapport.ingest.reject.ErrorCode;
import java.io.IOException;
import java.util.Base64;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a Kafka record whose value is Avro (plain binary or single-object encoding) with the
 * writer schema from the config, into a {@link RawRecord} at {@code topic/partition/offset} whose
 * payload is the datum rendered as JSON, so the JSON mapping applies unchanged (as for Avro files).
 *
 * <p>It never fails: a value that does not decode (truncated, trailing bytes, another schema's
 * fingerprint, empty) becomes a record with {@code error} set, its bytes kept in base64 as the
 * payload, and is quarantined with its location by the mapping step.
 */
public final class KafkaAvroRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final String schemaJson;
    private final AvroEncoding encoding;

    private transient GenericDatumReader<GenericRecord> reader;
    private transient BinaryMessageDecoder<GenericRecord> messages;
    private transient BinaryDecoder decoder;

    public KafkaAvroRecordDeserializer(String schemaJson, AvroEncoding encoding) {
        this.schemaJson = requireNonNull(schemaJson, "schemaJson is null");
        this.encoding = requireNonNull(encoding, "encoding is null");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        out.collect(decode(record.topic(), record.partition(), record.offset(), record.value()));
    }

    /** The raw record of one Kafka record's value; never throws for a bad value. */
    public RawRecord decode(String topic, int partition, long offset, byte[] value) {
        String partitionName = topic + "/" + partition;
        RawRecord raw = RawRecord.of(partitionName, offset, partitionName + "/" + offset, null);
        if (value == null || value.length == 0) {
            return malformed(
                    raw,
                    value,
                    "the value is empty (a tombstone?); expected an Avro " + encoding.configName() + " record");
        }
        try {
            raw.payload = datum(value).toString();
            return raw;
        } catch (IOException | RuntimeException e) {
            return malformed(
                    raw,
                    value,
                    "the value is not Avro " + encoding.configName() + " of the configured schema ("
                            + e.getClass().getSimpleName() + "); the payload holds its bytes in base64");
        }
    }

    private GenericRecord datum(byte[] value) throws IOException {
        if (reader == null) {
            Schema schema = new Schema.Parser().parse(schemaJson);
            reader = new GenericDatumReader<>(schema);
            messages = new BinaryMessageDecoder<>(GenericData.get(), schema);
        }
        if (encoding == AvroEncoding.SINGLE_OBJECT) {
            // Checks the marker and the schema fingerprint; throws on a value of another schema.
            return messages.decode(value);
        }
        decoder = DecoderFactory.get().binaryDecoder(value, decoder);
        GenericRecord datum = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException("bytes left after the record");
        }
        return datum;
    }

    private static RawRecord malformed(RawRecord raw, byte[] value, String message) {
        raw.payload = value == null ? "" : Base64.getEncoder().encodeToString(value);
        raw.error = message;
        raw.errorCode = ErrorCode.MALFORMED_AVRO.name();
        return raw;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
