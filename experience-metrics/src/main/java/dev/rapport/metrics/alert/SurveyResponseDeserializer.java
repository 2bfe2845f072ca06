package dev.rapport.metrics.alert;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads each Kafka record with {@link SurveyResponseParser}, located at {@code topic/partition/offset}. */
public final class SurveyResponseDeserializer implements KafkaRecordDeserializationSchema<SurveyResponse> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SurveyResponse> out) {
        String location = record.topic() + "/" + record.partition() + "/" + record.offset();
        String text = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(SurveyResponseParser.parse(text, location));
    }

    @Override
    public TypeInformation<SurveyResponse> getProducedType() {
        return TypeInformation.of(SurveyResponse.class);
    }
}
