package dev.rapport.maintain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Finds files under a table's location that no snapshot, manifest or metadata file references: what
 * a failed or killed write leaves behind.
 */
final class OrphanFiles {

    private OrphanFiles() {}

    /** Orphans last modified before {@code olderThanMillis} (epoch ms). */
    static List<String> find(Table table, long olderThanMillis) {
        return find(table, 0, olderThanMillis);
    }

    /** Orphans last modified in {@code [sinceMillis, olderThanMillis)} (epoch ms). */
    static List<String> find(Table table, long sinceMillis, long olderThanMillis) {
        Set<String> reachable = reachable(table);
        List<String> orphans = new ArrayList<>();
        for (FileInfo file : listing(table).listPrefix(table.location())) {
            if (file.createdAtMillis() >= sinceMillis
                    && file.createdAtMillis() < olderThanMillis
                    && !reachable.contains(normalize(file.location()))) {
                orphans.add(file.location());
            }
        }
        return orphans;
    }

    /** Whether a file belongs to the table's metadata (a concurrent commit may be writing it). */
    static boolean isMetadata(String location) {
        return location.contains("/metadata/");
    }

    private static SupportsPrefixOperations listing(Table table) {
        if (!(table.io() instanceof SupportsPrefixOperations listing)) {
            throw new IllegalStateException(
                    "the FileIO of " + table.name() + " cannot list files; orphans are not removed");
        }
        return listing;
    }

    private static Set<String> reachable(Table table) {
        Set<String> files = new HashSet<>();
        ReachableFileUtil.metadataFileLocations(table, true).forEach(f -> files.add(normalize(f)));
        ReachableFileUtil.manifestListLocations(table).forEach(f -> files.add(normalize(f)));
        ReachableFileUtil.statisticsFilesLocations(table).forEach(f -> files.add(normalize(f)));
        files.add(normalize(ReachableFileUtil.versionHintLocation(table)));
        Set<String> manifestsSeen = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile manifest : snapshot.allManifests(table.io())) {
                if (!manifestsSeen.add(manifest.path())) {
                    continue;
                }
                files.add(normalize(manifest.path()));
                try (CloseableIterable<? extends ContentFile<?>> entries =
                        manifest.content() == org.apache.iceberg.ManifestContent.DATA
                                ? ManifestFiles.read(manifest, table.io(), table.specs())
                                : ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
                    for (ContentFile<?> entry : entries) {
                        files.add(normalize(entry.location()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read manifest " + manifest.path(), e);
                }
            }
        }
        return files;
    }

    /** {@code file:/a}, {@code file:///a} and {@code /a} are one file. */
    static String normalize(String location) {
        if (!location.startsWith("file:")) {
            return location;
        }
        String path = location.substring("file:".length());
        while (path.startsWith("//")) {
            path = path.substring(1);
        }
        return path;
    }
}
