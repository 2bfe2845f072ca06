package dev.rapport.privacy;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class TestSubject {

    private static final Subject ANA = new Subject(
            Set.of("anapetrovic@gmail.com"),
            Set.of("ana.petrovic+news@gmail.com"),
            Set.of("r-crm-1"),
            Set.of("crm:1", "erp:A-7"),
            Set.of("c-1"),
            Set.of("e-1"),
            Set.of("esp:ev-1"),
            Set.of("helpdesk:T-9"));

    @Test
    void rowsNamingTheCustomerRecordOrEventAreHers() {
        assertThat(ANA.holds(row(Map.of("customer_id", "c-1")))).isTrue();
        assertThat(ANA.holds(row(Map.of("customer_id", "c-2", "other_customer_id", "c-1"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("record_id", "r-crm-1")))).isTrue();
        assertThat(ANA.holds(row(Map.of("record_id", "r-x", "other_record_id", "r-crm-1"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("event_id", "e-1")))).isTrue();
        assertThat(ANA.holds(row(Map.of("alert_id", "esp:ev-1")))).isTrue();
        assertThat(ANA.holds(row(Map.of("linked_record", "erp:A-7")))).isTrue();
        assertThat(ANA.holds(row(Map.of("email", "ANA.PETROVIC+NEWS@GMAIL.COM"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("email_key", "anapetrovic@gmail.com")))).isTrue();
    }

    @Test
    void anEventFindsHerThroughItsCustomerReferenceOrTicket() {
        assertThat(ANA.holds(row(Map.of("source", "shop", "customer_source", "erp", "customer_ref", "A-7"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("source", "erp", "customer_ref", "A-7"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("source", "shop", "customer_ref", "A-7"))))
                .isFalse();
        assertThat(ANA.holds(row(Map.of("source", "helpdesk", "ticket_id", "T-9"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("source", "other", "ticket_id", "T-9"))))
                .isFalse();
    }

    @Test
    void aRejectedPayloadIsHersWhenAnyOfHerAddressesAppearsInIt() {
        assertThat(ANA.holds(row(Map.of("raw_payload", "17,Ana,\"a.na.petrovic@Gmail.com\",not-a-date"))))
                .as("by match key: gmail dots and case")
                .isTrue();
        assertThat(ANA.holds(row(Map.of("raw_payload", "{\"email\":\"ana.petrovic+news@gmail.com\"}"))))
                .isTrue();
        assertThat(ANA.holds(row(Map.of("raw_payload", "18,Ana,ana.petrovic@yahoo.com,1990-01-01"))))
                .isFalse();
    }

    @Test
    void othersAndNullsAreNotHers() {
        assertThat(ANA.holds(row(Map.of("customer_id", "c-2", "record_id", "r-2", "email", "x@example.com"))))
                .isFalse();
        Schema schema = new Schema(optional(1, "customer_id", Types.StringType.get()));
        assertThat(ANA.holds(GenericRecord.create(schema))).isFalse();
        assertThat(ANA.holds(row(Map.of("day", "2026-01-01", "responses", "4"))))
                .isFalse();
    }

    private static Record row(Map<String, String> values) {
        Types.NestedField[] fields = new Types.NestedField[values.size()];
        int id = 0;
        for (String column : values.keySet()) {
            fields[id] = optional(id + 1, column, Types.StringType.get());
            id++;
        }
        GenericRecord row = GenericRecord.create(new Schema(fields));
        values.forEach(row::setField);
        return row;
    }
}
