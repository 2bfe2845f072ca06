package dev.rapport.identity.record;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Reads the columns resolution needs from a {@code staging.customer_records} row. Positions are
 * looked up by name in the table's schema once, so added columns do not shift anything.
 */
public final class CustomerRecordDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int recordId;
    private final int source;
    private final int sourceId;
    private final int firstName;
    private final int lastName;
    private final int fullName;
    private final int email;
    private final int phone;
    private final int street;
    private final int city;
    private final int postcode;
    private final int country;
    private final int birthDate;
    private final int company;
    private final int sourceCustomerRef;
    private final int createdAt;
    private final int updatedAt;
    private final int emailKey;
    private final int phoneE164;
    private final int firstNameKey;
    private final int lastNameKey;
    private final int postcodeKey;
    private final int nationalId;
    private final int ingestedAt;
    private final int deletedAt;

    public CustomerRecordDecoder(Schema tableSchema) {
        requireNonNull(tableSchema, "tableSchema is null");
        java.util.List<Types.NestedField> columns = tableSchema.columns();
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
        java.util.function.Function<String, Integer> at = name -> {
            Integer position = positions.get(name);
            if (position == null) {
                throw new IllegalArgumentException("staging.customer_records has no column '" + name + "'");
            }
            return position;
        };
        recordId = at.apply("record_id");
        source = at.apply("source");
        sourceId = at.apply("source_id");
        firstName = at.apply("first_name");
        lastName = at.apply("last_name");
        fullName = at.apply("full_name");
        email = at.apply("email");
        phone = at.apply("phone");
        street = at.apply("street");
        city = at.apply("city");
        postcode = at.apply("postcode");
        country = at.apply("country");
        birthDate = at.apply("birth_date");
        company = at.apply("company");
        sourceCustomerRef = at.apply("source_customer_ref");
        createdAt = at.apply("created_at");
        updatedAt = at.apply("updated_at");
        emailKey = at.apply("email_key");
        phoneE164 = at.apply("phone_e164");
        firstNameKey = at.apply("first_name_key");
        lastNameKey = at.apply("last_name_key");
        postcodeKey = at.apply("postcode_key");
        nationalId = at.apply("national_id");
        ingestedAt = at.apply("ingested_at");
        deletedAt = at.apply("deleted_at");
    }

    /** Whether the source deleted the record ({@code deleted_at} set, e.g. by a change-data-capture delete). */
    public boolean deleted(RowData row) {
        return !row.isNullAt(deletedAt);
    }

    public ResolutionRecord decode(RowData row) {
        ResolutionRecord record =
                new ResolutionRecord(string(row, recordId), string(row, source), string(row, sourceId));
        record.firstName = string(row, firstName);
        record.lastName = string(row, lastName);
        record.fullName = string(row, fullName);
        record.email = string(row, email);
        record.phone = string(row, phone);
        record.street = string(row, street);
        record.city = string(row, city);
        record.postcode = string(row, postcode);
        record.country = string(row, country);
        record.birthDate = row.isNullAt(birthDate) ? null : row.getInt(birthDate);
        record.company = string(row, company);
        record.sourceCustomerRef = string(row, sourceCustomerRef);
        record.createdAt = micros(row, createdAt);
        record.updatedAt = micros(row, updatedAt);
        record.emailKey = string(row, emailKey);
        record.phoneE164 = string(row, phoneE164);
        record.firstNameKey = string(row, firstNameKey);
        record.lastNameKey = string(row, lastNameKey);
        record.postcodeKey = string(row, postcodeKey);
        record.nationalId = string(row, nationalId);
        record.ingestedAt = micros(row, ingestedAt);
        return record;
    }

    private static String string(RowData row, int position) {
        return row.isNullAt(position) ? null : row.getString(position).toString();
    }

    private static Long micros(RowData row, int position) {
        if (row.isNullAt(position)) {
            return null;
        }
        TimestampData timestamp = row.getTimestamp(position, 6);
        return timestamp.getMillisecond() * 1000L + timestamp.getNanoOfMillisecond() / 1000;
    }
}
