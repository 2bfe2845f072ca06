package dev.rapport.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records with commons-csv: quoted fields may hold delimiters and line breaks. A record whose
 * field count differs from the header's is passed on marked malformed, so it is quarantined while
 * the rest of the file lands.
 */
final class CsvRecordReader implements RecordReader {

    private final String file;
    private final String name;
    private final CSVFormat format;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String[] columns;
    private boolean broken;

    CsvRecordReader(String file, String name, InputStream in, CsvSettings settings) throws IOException {
        this.file = file;
        this.name = name;
        this.format = settings.format();
        this.parser = CSVParser.builder()
                .setReader(TextInput.open(in, settings.charset()))
                .setFormat(format)
                .get();
        this.records = parser.iterator();
        if (settings.header() && records.hasNext()) {
            CSVRecord header = records.next();
            columns = new String[header.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = header.get(i).strip();
            }
        } else {
            columns = null;
        }
    }

    @Override
    public RawRecord next() throws IOException {
        if (broken) {
            return null;
        }
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord csv = records.next();
            String[] values = csv.values();
            long line = firstLine(csv, values);
            RawRecord record = RawRecord.of(file, line, name + ":" + line, null);
            record.columns = columns;
            record.values = values;
            if (columns != null && values.length != columns.length) {
                record.payload = format.format((Object[]) values);
                record.error = "the row has " + values.length + " fields but the header has " + columns.length
                        + " (check quoting and the delimiter)";
            }
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv cannot resume after a parse error: quarantine the rest of the file as one record.
            broken = true;
            RawRecord record = RawRecord.of(file, startLine, name + ":" + startLine, "");
            record.columns = columns;
            record.values = new String[0];
            record.error = "unreadable CSV from this line to the end of the file: " + e.getMessage();
            return record;
        }
    }

    // The parser's line number is where the record ends; a quoted field with line breaks started earlier.
    private long firstLine(CSVRecord csv, String[] values) {
        long breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) == '\n') {
                    breaks++;
                }
            }
        }
        return parser.getCurrentLineNumber() - breaks;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
