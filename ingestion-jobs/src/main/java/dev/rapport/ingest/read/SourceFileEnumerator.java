package dev.rapport.ingest.read;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.Path;

/**
 * Lists a source's files (a local file, folder or glob, or an {@code s3://} location) for Flink's
 * {@code FileSource}, one split per file. The source's own path spec is listed, not the paths Flink
 * passes in, so globs and S3 work the same way; a watching source lists again at each interval and
 * Flink skips the files it has already read.
 */
public final class SourceFileEnumerator implements FileEnumerator {

    private final String location;
    private final Map<String, String> s3;

    private SourceFileEnumerator(String location, Map<String, String> s3) {
        this.location = location;
        this.s3 = s3;
    }

    public static Provider provider(String location, Map<String, String> s3) {
        requireNonNull(location, "location is null");
        Map<String, String> properties = Map.copyOf(requireNonNull(s3, "s3 is null"));
        return () -> new SourceFileEnumerator(location, properties);
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (SourceFiles.Entry file : SourceFiles.list(location, s3)) {
            // The path is the split's id: unique, and the same after a restore.
            splits.add(new FileSourceSplit(file.path(), new Path(file.path()), 0, file.length(), 0, file.length()));
        }
        return splits;
    }
}
