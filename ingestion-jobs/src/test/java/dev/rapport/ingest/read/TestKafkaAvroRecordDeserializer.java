package dev.rapport.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.ingest.config.AvroEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class TestKafkaAvroRecordDeserializer {

    private static final Schema EVENT = SchemaBuilder.record("EmailEvent")
            .fields()
            .requiredString("id")
            .requiredString("event")
            .requiredLong("ts")
            .optionalString("email")
            .endRecord();

    private static GenericRecord event(String id, String email) {
        GenericRecord record = new GenericData.Record(EVENT);
        record.put("id", id);
        record.put("event", "open");
        record.put("ts", 1_709_280_000L);
        record.put("email", email);
        return record;
    }

    private static byte[] binary(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static JsonNode json(RawRecord raw) throws IOException {
        return new ObjectMapper().readTree(raw.payload);
    }

    @Test
    void plainBinaryBecomesJsonLocatedAtItsOffset() throws IOException {
        KafkaAvroRecordDeserializer deserializer =
                new KafkaAvroRecordDeserializer(EVENT.toString(), AvroEncoding.BINARY);

        RawRecord first = deserializer.decode("events", 1, 41, binary(event("e-1", "a@example.com")));
        RawRecord second = deserializer.decode("events", 1, 42, binary(event("e-2", null)));

        assertThat(first.error).isNull();
        assertThat(first.location).isEqualTo("events/1/41");
        assertThat(json(first).get("id").asText()).isEqualTo("e-1");
        assertThat(json(first).get("email").asText()).isEqualTo("a@example.com");
        assertThat(json(first).get("ts").asLong()).isEqualTo(1_709_280_000L);
        assertThat(json(second).get("email").isNull()).isTrue();
        assertThat(first.orderKey()).isLessThan(second.orderKey());
    }

    @Test
    void singleObjectEncodingChecksTheSchemaFingerprint() throws IOException {
        KafkaAvroRecordDeserializer deserializer =
                new KafkaAvroRecordDeserializer(EVENT.toString(), AvroEncoding.SINGLE_OBJECT);
        byte[] value = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), EVENT)
                .encode(event("e-1", "a@example.com"))
                .array();
        Schema other =
                SchemaBuilder.record("Other").fields().requiredString("id").endRecord();
        GenericRecord otherRecord = new GenericData.Record(other);
        otherRecord.put("id", "x");
        byte[] otherValue = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), other)
                .encode(otherRecord)
                .array();

        assertThat(json(deserializer.decode("events", 0, 0, value)).get("id").asText())
                .isEqualTo("e-1");
        RawRecord wrongSchema = deserializer.decode("events", 0, 1, otherValue);
        assertThat(wrongSchema.errorCode).isEqualTo("MALFORMED_AVRO");
        assertThat(wrongSchema.error).contains("single-object");
        RawRecord plainBinary = deserializer.decode("events", 0, 2, binary(event("e-2", null)));
        assertThat(plainBinary.errorCode).isEqualTo("MALFORMED_AVRO");
    }

    @Test
    void undecodableValuesAreMarkedWithTheirBytesInBase64() throws IOException {
        KafkaAvroRecordDeserializer deserializer =
                new KafkaAvroRecordDeserializer(EVENT.toString(), AvroEncoding.BINARY);
        byte[] good = binary(event("e-1", "a@example.com"));
        byte[] truncated = Arrays.copyOf(good, good.length - 4);
        byte[] trailing = Arrays.copyOf(good, good.length + 2);

        for (byte[] bad : new byte[][] {truncated, trailing, "{\"id\": 1}".getBytes(), new byte[] {(byte) 0xFF}}) {
            RawRecord raw = deserializer.decode("events", 0, 7, bad);
            assertThat(raw.errorCode).isEqualTo("MALFORMED_AVRO");
            assertThat(raw.error).contains("not Avro binary of the configured schema");
            assertThat(Base64.getDecoder().decode(raw.payload)).isEqualTo(bad);
            assertThat(raw.location).isEqualTo("events/0/7");
        }
        RawRecord empty = deserializer.decode("events", 0, 8, null);
        assertThat(empty.errorCode).isEqualTo("MALFORMED_AVRO");
        assertThat(empty.error).contains("empty");
        // A good value after bad ones still decodes (no state left behind by a failure).
        assertThat(deserializer.decode("events", 0, 9, good).error).isNull();
    }
}
