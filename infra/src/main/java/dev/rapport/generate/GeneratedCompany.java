package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the generator wrote. Per source: {@code records} (data lines, header excluded), of which
 * {@code malformed} were broken on purpose and {@code duplicates} repeat an earlier line's event id.
 * So ingestion should stage {@code records - malformed - duplicates} distinct rows and quarantine
 * {@code malformed}.
 */
public record GeneratedCompany(
        Path outDir,
        List<Path> files,
        int persons,
        Map<String, Long> records,
        Map<String, Long> malformed,
        Map<String, Long> duplicates,
        long groundTruthRows) {

    public GeneratedCompany {
        requireNonNull(outDir, "outDir is null");
        files = List.copyOf(files);
        records = Map.copyOf(records);
        malformed = Map.copyOf(malformed);
        duplicates = Map.copyOf(duplicates);
    }

    public long totalRecords() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalMalformed() {
        return malformed.values().stream().mapToLong(Long::longValue).sum();
    }
}
