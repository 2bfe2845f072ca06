package dev.rapport.ingest.read;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;
import org.apache.iceberg.io.FileIO;

/**
 * Reads whole files of any supported format into {@link RawRecord}s for Flink's {@code FileSource}.
 * A bulk format rather than a stream format because the record's location needs the file's name,
 * which only the split knows. Files are not split; a restored reader skips the records already read.
 */
public final class RawRecordFormat implements BulkFormat<RawRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    private final SourceFormat format;
    private final CsvSettings csv;
    private final String encoding;
    private final Map<String, String> s3;

    public RawRecordFormat(SourceFormat format, CsvSettings csv, Charset encoding) {
        this(format, csv, encoding, Map.of());
    }

    /** With the S3FileIO properties used for {@code s3://} files. */
    public RawRecordFormat(SourceFormat format, CsvSettings csv, Charset encoding, Map<String, String> s3) {
        this.format = requireNonNull(format, "format is null");
        this.csv = requireNonNull(csv, "csv is null");
        this.encoding = requireNonNull(encoding, "encoding is null").name();
        this.s3 = new HashMap<>(requireNonNull(s3, "s3 is null"));
    }

    @Override
    public Reader<RawRecord> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new FileReader(open(split.path()), 0);
    }

    @Override
    public Reader<RawRecord> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition()
                .map(CheckpointedPosition::getRecordsAfterOffset)
                .orElse(0L);
        RecordReader records = open(split.path());
        for (long i = 0; i < skip && records.next() != null; i++) {
            // already emitted before the restore
        }
        return new FileReader(records, skip);
    }

    /** Opens one file with the reader for this format. */
    RecordReader open(Path path) throws IOException {
        String file = path.toString();
        String name = path.getName();
        if (S3Files.isS3(file)) {
            return openS3(file, name);
        }
        if (format == SourceFormat.PARQUET) {
            return new ParquetRecordReader(file, name, new FlinkInputFile(path));
        }
        return open(file, name, path.getFileSystem().open(path));
    }

    private RecordReader openS3(String file, String name) throws IOException {
        FileIO io = S3Files.open(s3);
        try {
            org.apache.iceberg.io.InputFile input = io.newInputFile(file);
            RecordReader records = format == SourceFormat.PARQUET
                    ? new ParquetRecordReader(file, name, new IcebergParquetInputFile(input))
                    : open(file, name, input.newStream());
            return new RecordReader() {
                @Override
                public RawRecord next() throws IOException {
                    return records.next();
                }

                @Override
                public void close() throws IOException {
                    try {
                        records.close();
                    } finally {
                        io.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            io.close();
            throw e;
        }
    }

    private RecordReader open(String file, String name, InputStream in) throws IOException {
        try {
            return switch (format) {
                case CSV -> new CsvRecordReader(file, name, in, csv);
                case JSONL -> new JsonLinesRecordReader(file, name, in, Charset.forName(encoding));
                case AVRO -> new AvroRecordReader(file, name, in);
                case PARQUET -> throw new IllegalStateException("opened above");
                case KAFKA_JSON, KAFKA_AVRO, KAFKA_DEBEZIUM ->
                    throw new IllegalStateException("a Kafka source has no files");
                case JDBC -> throw new IllegalStateException("a JDBC source has no files");
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    private static final class FileReader implements Reader<RawRecord> {

        private final RecordReader records;
        private long emitted;

        FileReader(RecordReader records, long emitted) {
            this.records = records;
            this.emitted = emitted;
        }

        @Override
        public RecordIterator<RawRecord> readBatch() throws IOException {
            List<RawRecord> batch = new ArrayList<>(BATCH);
            RawRecord record;
            while (batch.size() < BATCH && (record = records.next()) != null) {
                batch.add(record);
            }
            if (batch.isEmpty()) {
                return null;
            }
            IteratorResultIterator<RawRecord> iterator =
                    new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, emitted);
            emitted += batch.size();
            return iterator;
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
