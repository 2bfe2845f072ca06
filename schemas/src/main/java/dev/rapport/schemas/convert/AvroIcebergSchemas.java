package dev.rapport.schemas.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Derives Iceberg table schemas from the Avro contracts, so the two cannot drift apart. */
public final class AvroIcebergSchemas {

    private AvroIcebergSchemas() {}

    /**
     * The Iceberg schema of an Avro record: same field names and order, optional where the Avro
     * field is a union with null, docs kept, every timestamp stored as UTC ({@code timestamptz}).
     */
    public static Schema toIceberg(org.apache.avro.Schema avro, List<String> identifierFields) {
        Schema converted = AvroSchemaUtil.toIceberg(avro);
        List<Types.NestedField> fields = new ArrayList<>();
        for (Types.NestedField field : converted.columns()) {
            org.apache.avro.Schema.Field avroField = avro.getField(field.name());
            String doc = avroField == null ? null : avroField.doc();
            Type type = field.type() instanceof Types.TimestampType ? Types.TimestampType.withZone() : field.type();
            fields.add(Types.NestedField.of(field.fieldId(), field.isOptional(), field.name(), type, doc));
        }
        Set<Integer> identifierIds = new HashSet<>();
        for (String name : identifierFields) {
            Types.NestedField field = fields.stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "identifier field '" + name + "' is not in Avro schema " + avro.getFullName()));
            if (field.isOptional()) {
                throw new IllegalArgumentException("identifier field '" + name + "' of " + avro.getFullName()
                        + " must be required, not a union with null");
            }
            identifierIds.add(field.fieldId());
        }
        return new Schema(fields, identifierIds);
    }
}
