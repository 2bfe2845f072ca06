package dev.rapport.ingest.config;

import dev.rapport.ingest.read.S3Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Expands a source path into the files it names: a file, every regular file under a folder (hidden
 * files and files starting with {@code _} skipped, as Flink's file source does), or a glob such as
 * {@code data/crm_*.csv} (glob characters allowed in the file name part). Sorted, so runs agree.
 * Local paths and {@code s3://} locations (an object, every object under a prefix, or a glob).
 */
public final class SourceFiles {

    /** One file of a source: where it is and how long it is. */
    public record Entry(String path, long length) implements java.io.Serializable {}

    private SourceFiles() {}

    /** The files a local path or an {@code s3://} location names, sorted by path. */
    public static List<Entry> list(String path, Map<String, String> s3) {
        if (!S3Files.isS3(path)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : resolve(path)) {
                try {
                    entries.add(new Entry(file.toUri().toString(), Files.size(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return entries;
        }
        try (FileIO io = S3Files.open(s3)) {
            return listS3(path, (SupportsPrefixOperations) io);
        }
    }

    private static List<Entry> listS3(String location, SupportsPrefixOperations io) {
        int slash = location.lastIndexOf('/');
        String name = location.substring(slash + 1);
        List<Entry> entries = new ArrayList<>();
        if (hasGlob(name)) {
            String prefix = location.substring(0, slash + 1);
            if (hasGlob(prefix)) {
                throw new IllegalArgumentException("glob characters are allowed only in the file name, not in folders");
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
            for (FileInfo file : io.listPrefix(prefix)) {
                String rest = file.location().substring(prefix.length());
                if (!rest.contains("/") && matcher.matches(Path.of(rest))) {
                    entries.add(new Entry(file.location(), file.size()));
                }
            }
        } else {
            String folder = location.endsWith("/") ? location : location + "/";
            for (FileInfo file : io.listPrefix(location)) {
                String rest =
                        file.location().startsWith(folder) ? file.location().substring(folder.length()) : null;
                if (file.location().equals(location)) {
                    entries.add(new Entry(file.location(), file.size()));
                } else if (rest != null && !rest.isEmpty() && visible(rest)) {
                    entries.add(new Entry(file.location(), file.size()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    private static boolean visible(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    public static List<Path> resolve(String path) {
        if (hasGlob(path)) {
            Path pattern = Path.of(path);
            Path folder = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
            if (hasGlob(folder.toString())) {
                throw new IllegalArgumentException("glob characters are allowed only in the file name, not in folders");
            }
            PathMatcher matcher = FileSystems.getDefault()
                    .getPathMatcher("glob:" + pattern.getFileName().toString());
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> matcher.matches(f.getFileName()))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(path);
        if (Files.isRegularFile(file)) {
            return List.of(file);
        }
        if (Files.isDirectory(file)) {
            try (Stream<Path> files = Files.walk(file)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith(".")
                                && !f.getFileName().toString().startsWith("_"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of();
    }

    static boolean hasGlob(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{");
    }
}
