package dev.rapport.ingest.job;

import dev.rapport.ingest.config.FileSettings;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.read.RawRecordFormat;
import dev.rapport.ingest.read.SourceFileEnumerator;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/**
 * Flink's {@code FileSource} for a file source: its files listed by {@link SourceFileEnumerator}
 * (local or S3, file, folder or glob); bounded, or, with {@code mode: watch}, listed again at each
 * interval so new files are read too (the files already read are part of each checkpoint).
 */
final class FileSources {

    private FileSources() {}

    static FileSource<RawRecord> of(SourceConfig source) {
        FileSettings files = source.files();
        FileSource.FileSourceBuilder<RawRecord> builder = FileSource.forBulkFileFormat(
                        new RawRecordFormat(source.format(), source.csvSettings(), source.encoding(), files.s3()),
                        new Path(root(source.path())))
                .setFileEnumerator(SourceFileEnumerator.provider(source.path(), files.s3()));
        if (files.watch()) {
            builder.monitorContinuously(files.watchInterval());
        }
        return builder.build();
    }

    // Flink wants a path to start from; the enumerator lists the source's own spec, globs included.
    private static String root(String location) {
        int glob = indexOfGlob(location);
        String plain = glob < 0 ? location : location.substring(0, location.lastIndexOf('/', glob) + 1);
        return plain.startsWith("s3") || plain.startsWith("file:") ? plain : "file://" + plain;
    }

    private static int indexOfGlob(String location) {
        int first = -1;
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = location.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
