package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated file, written through its own buffer, with the counts a test needs to reconcile it
 * with what ingestion staged: records, deliberately malformed records and webhook-retry duplicates.
 * CSV rows are quoted as RFC 4180 says, with CRLF line ends.
 */
final class SourceFile implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final String source;
    private final Path path;
    private final char delimiter;
    private final String lineEnd;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private long records;
    private long malformed;
    private long duplicates;

    private SourceFile(String source, Path path, char delimiter, String lineEnd, boolean byteOrderMark) {
        this.source = requireNonNull(source, "source is null");
        this.path = requireNonNull(path, "path is null");
        this.delimiter = delimiter;
        this.lineEnd = lineEnd;
        try {
            this.out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER);
            if (byteOrderMark) {
                // Spreadsheet-made exports start with one; ingestion must skip it.
                out.write('\uFEFF');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    static SourceFile csv(String source, Path path, char delimiter, boolean byteOrderMark, String... header) {
        SourceFile file = new SourceFile(source, path, delimiter, "\r\n", byteOrderMark);
        file.writeFields(header);
        return file;
    }

    static SourceFile jsonLines(String source, Path path) {
        return new SourceFile(source, path, '\0', "\n", false);
    }

    String source() {
        return source;
    }

    Path path() {
        return path;
    }

    long records() {
        return records;
    }

    long malformed() {
        return malformed;
    }

    long duplicates() {
        return duplicates;
    }

    void row(String... fields) {
        writeFields(fields);
        records++;
    }

    void malformedRow(String... fields) {
        row(fields);
        malformed++;
    }

    void jsonLine(String json) {
        writeRaw(json);
        records++;
    }

    void malformedJsonLine(String text) {
        jsonLine(text);
        malformed++;
    }

    /** The same line again, as an ESP's webhook retry delivers it. */
    void duplicateJsonLine(String json) {
        jsonLine(json);
        duplicates++;
    }

    private void writeFields(String... fields) {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            appendQuoted(fields[i] == null ? "" : fields[i]);
        }
        writeRaw(line);
    }

    private void appendQuoted(String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private void writeRaw(CharSequence text) {
        try {
            out.append(text).append(lineEnd);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
