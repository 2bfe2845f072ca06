package dev.rapport.bench;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.map.CsvRow;
import dev.rapport.ingest.map.CustomerMapper;
import dev.rapport.ingest.map.InteractionMapper;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.read.RawRecordFormat;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The ceiling for batch ingestion on this machine: the same files read by the same reader, mapped
 * and normalized by the same mappers, and written straight to Parquet (parquet-avro, zstd, as
 * Iceberg writes) by plain threads, one file at a time per thread: no Flink, no shuffle, no
 * deduplication, no Iceberg commit.
 */
final class ParquetCeiling {

    private ParquetCeiling() {}

    /** Returns the records written. */
    static long run(List<SourceConfig> sources, int threads, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        ConcurrentLinkedQueue<Work> work = new ConcurrentLinkedQueue<>();
        for (SourceConfig source : sources) {
            for (Path file : dev.rapport.ingest.config.SourceFiles.resolve(source.path())) {
                work.add(new Work(source, file));
            }
        }
        AtomicLong written = new AtomicLong();
        Instant ingestedAt = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    Work next;
                    while ((next = work.poll()) != null) {
                        written.addAndGet(write(next, ingestedAt, outDir));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return written.get();
    }

    private record Work(SourceConfig source, Path file) {}

    private static long write(Work work, Instant ingestedAt, Path outDir) throws IOException {
        SourceConfig source = work.source();
        boolean customers = source.kind() == SourceKind.CUSTOMER;
        Schema schema = customers ? CustomerRecord.getClassSchema() : Interaction.getClassSchema();
        CustomerMapper customerMapper = new CustomerMapper(source, "ceiling", ingestedAt);
        InteractionMapper interactionMapper = new InteractionMapper(source, "ceiling", ingestedAt);
        RawRecordFormat format = new RawRecordFormat(source.format(), source.csvSettings(), source.encoding());
        org.apache.flink.core.fs.Path path =
                new org.apache.flink.core.fs.Path(work.file().toUri());
        FileSourceSplit split = new FileSourceSplit("0", path, 0, Files.size(work.file()), 0, Files.size(work.file()));
        Path out = outDir.resolve(source.name() + "-" + work.file().getFileName() + ".parquet");
        Files.deleteIfExists(out);
        long written = 0;
        try (BulkFormat.Reader<RawRecord> reader = format.createReader(new Configuration(), split);
                ParquetWriter<SpecificRecordBase> writer = AvroParquetWriter.<SpecificRecordBase>builder(
                                new LocalOutputFile(out))
                        .withSchema(schema)
                        .withDataModel(SpecificData.getForSchema(schema))
                        .withCompressionCodec(CompressionCodecName.ZSTD)
                        .build()) {
            BulkFormat.RecordIterator<RawRecord> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<RawRecord> next;
                while ((next = batch.next()) != null) {
                    RawRecord raw = next.getRecord();
                    if (raw.error != null) {
                        continue;
                    }
                    try {
                        CsvRow row = new CsvRow(raw.columns, raw.values);
                        writer.write(
                                customers
                                        ? customerMapper.map(row, raw.location)
                                        : interactionMapper.map(row, raw.location));
                        written++;
                    } catch (RecordException rejected) {
                        // quarantined in the real job; not part of the ceiling
                    }
                }
                batch.releaseBatch();
            }
        }
        return written;
    }

    /**
     * The ceiling for the streaming benchmark: the same JSON values parsed, mapped and normalized by
     * the same mapper and written straight to one Parquet file, on one thread. Returns records/s.
     */
    static double jsonRate(SourceConfig source, List<String> values, Path out) throws Exception {
        Files.deleteIfExists(out);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        InteractionMapper mapper = new InteractionMapper(source, "ceiling", Instant.now());
        Schema schema = Interaction.getClassSchema();
        long started = System.nanoTime();
        try (ParquetWriter<SpecificRecordBase> writer = AvroParquetWriter.<SpecificRecordBase>builder(
                        new LocalOutputFile(out))
                .withSchema(schema)
                .withDataModel(SpecificData.getForSchema(schema))
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .build()) {
            for (int i = 0; i < values.size(); i++) {
                writer.write(
                        mapper.map(new dev.rapport.ingest.map.JsonRow(json.readTree(values.get(i))), "ceiling:" + i));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.deleteIfExists(out);
        return values.size() / seconds;
    }
}
