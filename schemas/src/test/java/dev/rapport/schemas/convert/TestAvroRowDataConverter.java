package dev.rapport.schemas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import dev.rapport.schemas.table.RapportTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

class TestAvroRowDataConverter {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123456Z");

    private static CustomerRecord customer() {
        return CustomerRecord.newBuilder()
                .setRecordId("r1")
                .setSource("crm")
                .setSourceId("003A1")
                .setFirstName("Ana")
                .setLastName("Петровић")
                .setEmail("ana.petrovic@gmail.com")
                .setBirthDate(LocalDate.of(1988, 2, 29))
                .setCreatedAt(CREATED)
                .setSourceLocation("crm_contacts.csv:2")
                .setIngestedAt(CREATED)
                .setIngestRunId("run-1")
                .build();
    }

    @Test
    void customerRecordRoundTripsThroughRowData() {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema());
        CustomerRecord original = customer();

        RowData row = converter.toRowData(original);
        CustomerRecord back = converter.toAvro(row, CustomerRecord.class);

        assertThat(back).isEqualTo(original);
    }

    @Test
    void rowLayoutFollowsTheIcebergSchema() {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema());

        RowData row = converter.toRowData(customer());

        int lastName = RapportTables.CUSTOMER_RECORDS
                .schema()
                .columns()
                .indexOf(RapportTables.CUSTOMER_RECORDS.schema().findField("last_name"));
        int createdAt = RapportTables.CUSTOMER_RECORDS
                .schema()
                .columns()
                .indexOf(RapportTables.CUSTOMER_RECORDS.schema().findField("created_at"));
        int phone = RapportTables.CUSTOMER_RECORDS
                .schema()
                .columns()
                .indexOf(RapportTables.CUSTOMER_RECORDS.schema().findField("phone"));
        assertThat(row.getString(lastName).toString()).isEqualTo("Петровић");
        assertThat(row.getTimestamp(createdAt, 6).toInstant()).isEqualTo(CREATED);
        assertThat(row.isNullAt(phone)).isTrue();
    }

    @Test
    void interactionWithMoneyRoundTrips() {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(Interaction.getClassSchema(), RapportTables.INTERACTIONS.schema());
        Interaction original = Interaction.newBuilder()
                .setEventId("e1")
                .setSource("erp")
                .setSourceEventId("INV-1")
                .setCategory("commerce")
                .setEventType("invoice")
                .setEventTime(CREATED)
                .setAmount(new BigDecimal("1234.50"))
                .setCurrency("RSD")
                .setSourceLocation("erp_orders.csv:7")
                .setIngestedAt(CREATED)
                .setIngestRunId("run-1")
                .build();

        Interaction back = converter.toAvro(converter.toRowData(original), Interaction.class);

        assertThat(back).isEqualTo(original);
        assertThat(back.getAmount()).isEqualByComparingTo("1234.5");
    }

    @Test
    void genericRecordsUseTheRawAvroRepresentation() {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema());

        GenericRecord generic = converter.toGenericAvro(converter.toRowData(customer()));

        assertThat(generic.get("created_at")).isEqualTo(CREATED.getEpochSecond() * 1_000_000L + 123_456L);
        assertThat(generic.get("birth_date"))
                .isEqualTo((int) LocalDate.of(1988, 2, 29).toEpochDay());
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema());
        CustomerRecord broken = customer();
        broken.setSourceId(null);

        assertThatThrownBy(() -> converter.toRowData(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required field 'source_id'");
    }

    @Test
    void theConverterIsSerializable() throws Exception {
        AvroRowDataConverter converter =
                new AvroRowDataConverter(CustomerRecord.getClassSchema(), RapportTables.CUSTOMER_RECORDS.schema());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(converter);
        }
        AvroRowDataConverter copy;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AvroRowDataConverter) in.readObject();
        }

        assertThat(copy.toAvro(copy.toRowData(customer()), CustomerRecord.class))
                .isEqualTo(customer());
    }
}
