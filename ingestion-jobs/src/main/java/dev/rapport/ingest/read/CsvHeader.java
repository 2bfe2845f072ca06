package dev.rapport.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads only the first record of a CSV file: its column names (or, without a header, their count). */
public final class CsvHeader {

    private CsvHeader() {}

    /** The header of a local file ({@code file:} URI or path) or an {@code s3://} object. */
    public static List<String> read(String file, java.util.Map<String, String> s3, CsvSettings settings)
            throws IOException {
        if (!S3Files.isS3(file)) {
            return read(file.startsWith("file:") ? Path.of(java.net.URI.create(file)) : Path.of(file), settings);
        }
        try (org.apache.iceberg.io.FileIO io = S3Files.open(s3)) {
            return read(io.newInputFile(file).newStream(), settings);
        }
    }

    /** The header's names, trimmed; without a header, "0".."n-1" for the first record's fields. */
    public static List<String> read(Path file, CsvSettings settings) throws IOException {
        return read(Files.newInputStream(file), settings);
    }

    private static List<String> read(InputStream input, CsvSettings settings) throws IOException {
        try (InputStream in = input;
                Reader reader = TextInput.open(in, settings.charset());
                CSVParser parser = CSVParser.builder()
                        .setReader(reader)
                        .setFormat(settings.format())
                        .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            CSVRecord first = records.next();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                names.add(settings.header() ? first.get(i).strip() : Integer.toString(i));
            }
            return names;
        }
    }
}
