package dev.rapport.ingest.read;

import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;

/** Parquet files read through parquet-avro; each record is passed on rendered as JSON. */
final class ParquetRecordReader implements RecordReader {

    private final String file;
    private final String name;
    private final ParquetReader<GenericRecord> reader;
    private long position;

    ParquetRecordReader(String file, String name, InputFile input) throws IOException {
        this.file = file;
        this.name = name;
        this.reader = AvroParquetReader.<GenericRecord>builder(input)
                .withDataModel(GenericData.get())
                .build();
    }

    @Override
    public RawRecord next() throws IOException {
        GenericRecord record = reader.read();
        if (record == null) {
            return null;
        }
        position++;
        return RawRecord.of(file, position, name + ":record " + position, record.toString());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
