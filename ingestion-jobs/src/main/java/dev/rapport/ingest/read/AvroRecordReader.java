package dev.rapport.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** Avro container files, with the writer's schema; each record is passed on rendered as JSON. */
final class AvroRecordReader implements RecordReader {

    private final String file;
    private final String name;
    private final DataFileStream<GenericRecord> records;
    private long position;

    AvroRecordReader(String file, String name, InputStream in) throws IOException {
        this.file = file;
        this.name = name;
        this.records = new DataFileStream<>(in, new GenericDatumReader<>());
    }

    @Override
    public RawRecord next() {
        if (!records.hasNext()) {
            return null;
        }
        GenericRecord record = records.next();
        position++;
        return RawRecord.of(file, position, name + ":record " + position, record.toString());
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
