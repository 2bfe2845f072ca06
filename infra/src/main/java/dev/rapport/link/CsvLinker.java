package dev.rapport.link;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * {@code rapport link}: resolves plain CSV files into customers without a config. Each file's header
 * has {@code source} and {@code source_id} and any of {@link #FIELDS}; other columns are ignored.
 * The rows go, one CSV per source, through the same ingestion and identity jobs as {@code rapport
 * run}, in a temporary embedded catalog with the default identity settings (no labels), and the
 * result is written as {@code source,source_id,customer_id}.
 */
public final class CsvLinker {

    /** The canonical fields a link input may carry besides source and source_id. */
    public static final List<String> FIELDS = List.of(
            "first_name",
            "last_name",
            "full_name",
            "email",
            "phone",
            "street",
            "address_line2",
            "city",
            "postcode",
            "region",
            "country",
            "birth_date",
            "national_id",
            "company");

    private static final java.util.regex.Pattern SOURCE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    /** What a link run did. */
    public record Result(IdentityReport identity, Duration elapsed) {}

    private final Path workdir;
    private final int parallelism;
    private final Console console;

    public CsvLinker(Path workdir, int parallelism, Console console) {
        this.workdir = requireNonNull(workdir, "workdir is null");
        this.parallelism = parallelism;
        this.console = requireNonNull(console, "console is null");
    }

    public Result link(List<Path> inputs, Path out) throws Exception {
        Instant start = Instant.now();
        // per source: its rows as canonical field -> value
        Map<String, List<Map<String, String>>> bySource = new TreeMap<>();
        Set<String> present = new LinkedHashSet<>();
        for (Path input : inputs) {
            read(input, bySource, present);
        }
        List<String> columns = new ArrayList<>();
        columns.add("source_id");
        FIELDS.stream().filter(present::contains).forEach(columns::add);

        Map<String, String> sourceOfName = new LinkedHashMap<>();
        StringBuilder sources = new StringBuilder("sources:\n");
        for (Map.Entry<String, List<Map<String, String>>> source : bySource.entrySet()) {
            // the source's own name when ingestion accepts it (then explain --record SOURCE:ID works), else s1, s2, ...
            String name = SOURCE_NAME.matcher(source.getKey()).matches() && !sourceOfName.containsKey(source.getKey())
                    ? source.getKey()
                    : "s" + (sourceOfName.size() + 1);
            while (sourceOfName.containsKey(name) || (!name.equals(source.getKey()) && bySource.containsKey(name))) {
                name = name + "_";
            }
            sourceOfName.put(name, source.getKey());
            Path file = workdir.resolve(name + ".csv");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(columns);
                for (Map<String, String> row : source.getValue()) {
                    List<String> values = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        values.add(row.getOrDefault(column, ""));
                    }
                    printer.printRecord(values);
                }
            }
            sources.append("  - name: ").append(name).append('\n');
            sources.append("    kind: customer\n    format: csv\n");
            sources.append("    path: ").append(name).append(".csv\n");
            sources.append("    options: {delimiter: \",\", header: true}\n    mapping:\n");
            for (String column : columns) {
                sources.append("      ")
                        .append(column)
                        .append(": ")
                        .append(column)
                        .append('\n');
            }
        }
        if (bySource.isEmpty()) {
            throw new IllegalStateException("the input files hold no records");
        }
        Path configFile = workdir.resolve("rapport.yaml");
        Files.writeString(
                configFile,
                "catalog:\n  type: jdbc\n  uri: \"jdbc:sqlite:rapport-data/catalog.db\"\n"
                        + "  warehouse: rapport-data/warehouse\n"
                        + "parallelism: " + parallelism + "\n" + sources + "metrics: {}\n",
                StandardCharsets.UTF_8);
        RapportConfig config = RapportConfigLoader.load(configFile);
        Pipeline pipeline = new Pipeline(config, console);
        pipeline.ingest();
        IdentityReport identity = pipeline.resolve();
        write(config, sourceOfName, out);
        return new Result(identity, Duration.between(start, Instant.now()));
    }

    private static void read(Path input, Map<String, List<Map<String, String>>> bySource, Set<String> present)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("source") || !header.contains("source_id")) {
                throw new IllegalStateException(input + ": the header must have the columns source and source_id"
                        + " (it has: " + String.join(", ", header) + ")");
            }
            List<String> fields = FIELDS.stream().filter(header::contains).toList();
            present.addAll(fields);
            for (CSVRecord record : parser) {
                String source = record.get("source").trim();
                String sourceId = record.get("source_id").trim();
                if (source.isEmpty() || sourceId.isEmpty()) {
                    throw new IllegalStateException(input + ": line " + parser.getCurrentLineNumber()
                            + ": source and source_id must not be empty");
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put("source_id", sourceId);
                for (String field : fields) {
                    row.put(field, record.get(field));
                }
                bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(row);
            }
        }
    }

    private static void write(RapportConfig config, Map<String, String> sourceOfName, Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog());
                CloseableIterable<Record> records = IcebergGenerics.read(catalog.load(RapportTables.IDENTITY_MAP))
                        .select("source", "source_id", "customer_id")
                        .build()) {
            for (Record record : records) {
                rows.add(List.of(
                        sourceOfName.get((String) record.getField("source")),
                        (String) record.getField("source_id"),
                        (String) record.getField("customer_id")));
            }
        }
        rows.sort((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1))
                : a.get(0).compareTo(b.get(0)));
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord("source", "source_id", "customer_id");
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }
}
