package dev.rapport.schemas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class TestAvroIcebergSchemas {

    @Test
    void everyAvroFieldBecomesAColumnInTheSameOrder() {
        org.apache.avro.Schema avro = CustomerRecord.getClassSchema();
        Schema iceberg = AvroIcebergSchemas.toIceberg(avro, List.of("source", "source_id"));

        assertThat(iceberg.columns().stream().map(Types.NestedField::name))
                .containsExactlyElementsOf(avro.getFields().stream()
                        .map(org.apache.avro.Schema.Field::name)
                        .toList());
    }

    @Test
    void unionsWithNullAreOptionalAndTheRestRequired() {
        Schema iceberg = AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("source", "source_id"));

        assertThat(iceberg.findField("source_id").isRequired()).isTrue();
        assertThat(iceberg.findField("email").isOptional()).isTrue();
    }

    @Test
    void timestampsAreUtcAndDatesAreDates() {
        Schema iceberg = AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("source", "source_id"));

        assertThat(iceberg.findField("created_at").type()).isEqualTo(Types.TimestampType.withZone());
        assertThat(iceberg.findField("birth_date").type()).isEqualTo(Types.DateType.get());
    }

    @Test
    void moneyIsADecimal() {
        Schema iceberg = AvroIcebergSchemas.toIceberg(Interaction.getClassSchema(), List.of("event_id", "event_time"));

        assertThat(iceberg.findField("amount").type()).isEqualTo(Types.DecimalType.of(18, 2));
    }

    @Test
    void docsAreKept() {
        Schema iceberg = AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("source", "source_id"));

        assertThat(iceberg.findField("email_key").doc()).contains("gmail");
    }

    @Test
    void identifierFieldsAreSet() {
        Schema iceberg = AvroIcebergSchemas.toIceberg(Interaction.getClassSchema(), List.of("event_id", "event_time"));

        assertThat(iceberg.identifierFieldNames()).containsExactlyInAnyOrder("event_id", "event_time");
    }

    @Test
    void anOptionalIdentifierFieldIsRefused() {
        assertThatThrownBy(() -> AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("email")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifier field 'email'")
                .hasMessageContaining("must be required");
    }

    @Test
    void anUnknownIdentifierFieldIsRefused() {
        assertThatThrownBy(() -> AvroIcebergSchemas.toIceberg(CustomerRecord.getClassSchema(), List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope' is not in Avro schema");
    }
}
