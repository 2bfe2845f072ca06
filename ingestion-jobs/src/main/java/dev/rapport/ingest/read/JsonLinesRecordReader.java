package dev.rapport.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** JSON lines: one document per line; blank lines are skipped; parsing happens in the mapper. */
final class JsonLinesRecordReader implements RecordReader {

    private final String file;
    private final String name;
    private final BufferedReader reader;
    private long line;

    JsonLinesRecordReader(String file, String name, InputStream in, Charset charset) throws IOException {
        this.file = file;
        this.name = name;
        this.reader = new BufferedReader(TextInput.open(in, charset));
    }

    @Override
    public RawRecord next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        return RawRecord.of(file, line, name + ":" + line, text);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
