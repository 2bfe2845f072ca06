package dev.rapport.schemas.convert;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts Avro contract records to the Flink {@link RowData} that Iceberg's sink writes, and back,
 * field by field by name. The Iceberg schema decides the row layout.
 */
public final class AvroRowDataConverter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String avroSchemaJson;
    private final Schema icebergSchema;
    private transient org.apache.avro.Schema avroSchema;
    private transient Positions positions;

    /** The columns' positions in records of one Avro schema; one immutable value, safe to share. */
    private record Positions(org.apache.avro.Schema schema, int[] of) {}

    public AvroRowDataConverter(org.apache.avro.Schema avroSchema, Schema icebergSchema) {
        this.avroSchemaJson = requireNonNull(avroSchema, "avroSchema is null").toString();
        this.icebergSchema = requireNonNull(icebergSchema, "icebergSchema is null");
        this.avroSchema = avroSchema;
    }

    private org.apache.avro.Schema avro() {
        if (avroSchema == null) {
            avroSchema = new org.apache.avro.Schema.Parser().parse(avroSchemaJson);
        }
        return avroSchema;
    }

    public RowData toRowData(GenericRecord record) {
        List<Types.NestedField> columns = icebergSchema.columns();
        int[] positions = positionsIn(record.getSchema());
        GenericRowData row = new GenericRowData(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Types.NestedField column = columns.get(i);
            Object value = positions[i] < 0 ? null : record.get(positions[i]);
            if (value == null && column.isRequired()) {
                throw new IllegalArgumentException("required field '" + column.name() + "' is null in "
                        + record.getSchema().getName());
            }
            row.setField(i, toFlink(value, column.type()));
        }
        return row;
    }

    /** Where each column of the table is in records of {@code schema} (-1: not there), worked out once per schema. */
    private int[] positionsIn(org.apache.avro.Schema schema) {
        Positions known = positions;
        if (known == null || known.schema() != schema) {
            List<Types.NestedField> columns = icebergSchema.columns();
            int[] found = new int[columns.size()];
            for (int i = 0; i < found.length; i++) {
                org.apache.avro.Schema.Field field =
                        schema.getField(columns.get(i).name());
                found[i] = field == null ? -1 : field.pos();
            }
            known = new Positions(schema, found);
            positions = known;
        }
        return known.of();
    }

    /** Reads a row back into a specific Avro record of the given class. */
    public <T extends SpecificRecord> T toAvro(RowData row, Class<T> type) {
        @SuppressWarnings("unchecked")
        T record = (T) SpecificData.newInstance(type, avro());
        fill(row, (GenericRecord) record, true);
        return record;
    }

    /** Reads a row back into a generic Avro record. */
    public GenericRecord toGenericAvro(RowData row) {
        GenericRecord record = new GenericData.Record(avro());
        fill(row, record, false);
        return record;
    }

    private void fill(RowData row, GenericRecord record, boolean logical) {
        List<Types.NestedField> columns = icebergSchema.columns();
        for (int i = 0; i < columns.size(); i++) {
            Types.NestedField column = columns.get(i);
            org.apache.avro.Schema.Field field = avro().getField(column.name());
            if (field == null) {
                continue;
            }
            record.put(field.pos(), row.isNullAt(i) ? null : fromFlink(row, i, column.type(), logical));
        }
    }

    private static Object toFlink(Object value, Type type) {
        if (value == null) {
            return null;
        }
        switch (type.typeId()) {
            case STRING:
                return StringData.fromString(value.toString());
            case TIMESTAMP: {
                long micros = value instanceof java.time.Instant instant
                        ? Math.addExact(
                                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000)
                        : ((Number) value).longValue();
                return TimestampData.fromEpochMillis(
                        Math.floorDiv(micros, 1000), (int) Math.floorMod(micros, 1000) * 1000);
            }
            case DATE:
                return value instanceof LocalDate date ? (int) date.toEpochDay() : ((Number) value).intValue();
            case INTEGER:
                return ((Number) value).intValue();
            case LONG:
                return ((Number) value).longValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case FLOAT:
                return ((Number) value).floatValue();
            case BOOLEAN:
                return value;
            case DECIMAL: {
                Types.DecimalType decimal = (Types.DecimalType) type;
                BigDecimal number = value instanceof BigDecimal big
                        ? big
                        : new BigDecimal(new java.math.BigInteger(toBytes((ByteBuffer) value)), decimal.scale());
                return DecimalData.fromBigDecimal(number, decimal.precision(), decimal.scale());
            }
            case LIST: {
                Type element = type.asListType().elementType();
                List<?> list = (List<?>) value;
                Object[] converted = new Object[list.size()];
                for (int i = 0; i < converted.length; i++) {
                    converted[i] = toFlink(list.get(i), element);
                }
                return new GenericArrayData(converted);
            }
            default:
                throw new UnsupportedOperationException("no conversion for Iceberg type " + type);
        }
    }

    private static Object fromFlink(RowData row, int pos, Type type, boolean logical) {
        switch (type.typeId()) {
            case STRING:
                return row.getString(pos).toString();
            case TIMESTAMP: {
                TimestampData ts = row.getTimestamp(pos, 6);
                return logical ? ts.toInstant() : ts.getMillisecond() * 1000 + ts.getNanoOfMillisecond() / 1000;
            }
            case DATE: {
                int days = row.getInt(pos);
                return logical ? LocalDate.ofEpochDay(days) : days;
            }
            case INTEGER:
                return row.getInt(pos);
            case LONG:
                return row.getLong(pos);
            case DOUBLE:
                return row.getDouble(pos);
            case FLOAT:
                return row.getFloat(pos);
            case BOOLEAN:
                return row.getBoolean(pos);
            case DECIMAL: {
                Types.DecimalType decimal = (Types.DecimalType) type;
                BigDecimal number = row.getDecimal(pos, decimal.precision(), decimal.scale())
                        .toBigDecimal();
                return logical ? number : ByteBuffer.wrap(number.unscaledValue().toByteArray());
            }
            case LIST: {
                ArrayData array = row.getArray(pos);
                List<Object> list = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    list.add(array.getString(i).toString());
                }
                return list;
            }
            default:
                throw new UnsupportedOperationException("no conversion for Iceberg type " + type);
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
