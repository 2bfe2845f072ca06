package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Publishes a feed export written to a local folder to its {@code s3://} destination through
 * Iceberg's S3FileIO (the AWS SDK's default credential chain, and the destination's endpoint,
 * path-style access and region): the objects under the destination's prefix are deleted first, so
 * the destination holds exactly this run's files, as a local folder destination does.
 *
 * <p>Used when the feed runs in this process: Flink's own S3 file system is a plugin that only the
 * cluster installs. On a cluster the sink writes to {@code s3://} directly.
 */
public final class S3FeedPublisher {

    private S3FeedPublisher() {}

    /** Uploads every file under {@code staged} (hidden and in-progress files aside); returns how many. */
    public static int publish(Path staged, FeedDestination destination) {
        requireNonNull(staged, "staged is null");
        if (!destination.onS3()) {
            throw new IllegalArgumentException(destination.name() + " is not on S3: " + destination.path());
        }
        String prefix = destination.path().endsWith("/") ? destination.path() : destination.path() + "/";
        try (S3FileIO io = new S3FileIO()) {
            io.initialize(Map.copyOf(destination.s3()));
            ((SupportsPrefixOperations) io).deletePrefix(prefix);
            List<Path> files = files(staged);
            for (Path file : files) {
                String key = prefix + staged.relativize(file).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(file);
                        OutputStream out = io.newOutputFile(key).createOrOverwrite()) {
                    in.transferTo(out);
                }
            }
            return files.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not upload the feed to " + destination.path(), e);
        }
    }

    private static List<Path> files(Path staged) throws IOException {
        try (Stream<Path> paths = Files.walk(staged)) {
            return paths.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("_");
                    })
                    .sorted()
                    .toList();
        }
    }
}
