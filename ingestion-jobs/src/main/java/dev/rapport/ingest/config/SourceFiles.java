package dev.rapport.ingest.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a source path into the files it names: a file, every regular file under a folder (hidden
 * files and files starting with {@code _} skipped, as Flink's file source does), or a glob such as
 * {@code data/crm_*.csv} (glob characters allowed in the file name part). Sorted, so runs agree.
 */
public final class SourceFiles {

    private SourceFiles() {}

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
