package dev.rapport.ingest.map;

/** A CSV row: columns by header name, or by 0-based number when the file has no header. */
public final class CsvRow implements SourceRow {

    private final String[] columns;
    private final String[] values;

    public CsvRow(String[] columns, String[] values) {
        this.columns = columns;
        this.values = java.util.Objects.requireNonNull(values, "values is null");
    }

    @Override
    public String get(String column) {
        if (columns == null) {
            try {
                int index = Integer.parseInt(column);
                return index >= 0 && index < values.length ? values[index] : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(column)) {
                return i < values.length ? values[i] : null;
            }
        }
        return null;
    }
}
