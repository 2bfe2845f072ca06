package dev.rapport.report;

import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.CatalogConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads the tables and writes the report page to a file. */
public final class ReportFile {

    /** What was written: the file, its size, how long it took, and what it shows. */
    public record Written(Path file, long bytes, Duration took, ReportData data, ReportPage page) {}

    private ReportFile() {}

    public static Written write(CatalogConfig catalog, int parallelism, Path out, Console console) throws Exception {
        Instant started = Instant.now();
        console.line("report: reading tables of " + catalog.uri());
        ReportData data = new ReportReader(catalog, parallelism, console).read();
        ReportPage page =
                new ReportPage(data, started.truncatedTo(ChronoUnit.SECONDS).toString());
        byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
        Path target = out.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, html);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report to " + target + ": " + e.getMessage(), e);
        }
        return new Written(target, html.length, Duration.between(started, Instant.now()), data, page);
    }
}
