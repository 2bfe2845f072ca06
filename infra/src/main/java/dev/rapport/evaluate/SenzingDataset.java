package dev.rapport.evaluate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Senzing's truth set: three sources ({@code customers}, {@code reference}, {@code watchlist}) of
 * persons and organisations with names, birth dates, addresses, phones, emails and document
 * numbers; {@code actual_truthset_key.csv} gives each record's entity. Each source is rewritten
 * into one common layout: its birth dates come in many formats ({@code 12/11/1978},
 * {@code Mar 1 1970}, {@code 15-Mar-92}), so they are read here and written as ISO dates (one that
 * no format reads is left empty). US dates are month first unless the first number cannot be a
 * month; two-digit years up to {@value #PIVOT_YEAR} are 20xx. Only the SSN is mapped to the
 * national id: passports, licences and tax ids are other kinds of number, and comparing one kind
 * with another would look like a conflict.
 */
public final class SenzingDataset implements EvaluationDataset {

    public static final String NAME = "senzing";
    static final List<String> SOURCES = List.of("customers", "reference", "watchlist");
    static final int PIVOT_YEAR = 25;

    private static final List<String> HEADER = List.of(
            "record_id",
            "first_name",
            "last_name",
            "full_name",
            "company",
            "birth_date",
            "national_id",
            "email",
            "phone",
            "street",
            "city",
            "region",
            "postcode");
    private static final List<DateTimeFormatter> DATES = List.of(
            strict("uuuu-MM-dd"),
            strict("M/d/uuuu"),
            strict("d/M/uuuu"),
            twoDigitYear("M/d/"),
            twoDigitYear("d/M/"),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1900 + PIVOT_YEAR + 1)
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("MMM d uuuu")
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available(Path datasets) {
        return Files.isRegularFile(folder(datasets).resolve("actual_truthset_key.csv"));
    }

    @Override
    public PreparedDataset prepare(Path datasets, Path workdir, EvaluationSettings settings) throws IOException {
        Path folder = folder(datasets);
        StringBuilder sources = new StringBuilder("sources:\n");
        for (String source : SOURCES) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : read(folder.resolve(source + ".csv"))) {
                rows.add(row(record));
            }
            DatasetFiles.writeCsv(workdir.resolve(source + ".csv"), HEADER, rows);
            sources.append("  - name: ")
                    .append(source)
                    .append("\n")
                    .append("    kind: customer\n")
                    .append("    format: csv\n")
                    .append("    path: ")
                    .append(source)
                    .append(".csv\n")
                    .append("    options: {delimiter: \",\", header: true, default_country: US}\n")
                    .append("    mapping:\n")
                    .append("      source_id: record_id\n");
            for (String column : HEADER.subList(1, HEADER.size())) {
                sources.append("      ")
                        .append(column)
                        .append(": ")
                        .append(column)
                        .append("\n");
            }
        }
        Map<String, String> truth = new HashMap<>();
        for (CSVRecord record : read(folder.resolve("actual_truthset_key.csv"))) {
            truth.put(
                    PreparedDataset.key(record.get("DATA_SOURCE").toLowerCase(Locale.ROOT), record.get("RECORD_ID")),
                    record.get("CLUSTER_ID"));
        }
        return new PreparedDataset(NAME, DatasetFiles.writeConfig(workdir, sources.toString(), settings), truth);
    }

    private static List<String> row(CSVRecord record) {
        String street = value(record, "ADDR_LINE1");
        return List.of(
                value(record, "RECORD_ID"),
                value(record, "PRIMARY_NAME_FIRST"),
                value(record, "PRIMARY_NAME_LAST"),
                value(record, "PRIMARY_NAME_FULL"),
                value(record, "PRIMARY_NAME_ORG"),
                isoDate(value(record, "DATE_OF_BIRTH")),
                value(record, "SSN_NUMBER"),
                value(record, "EMAIL_ADDRESS"),
                value(record, "PHONE_NUMBER"),
                street.isEmpty() ? value(record, "ADDR_FULL") : street,
                value(record, "ADDR_CITY"),
                value(record, "ADDR_STATE"),
                value(record, "ADDR_POSTAL_CODE"));
    }

    /** The date in ISO form, or empty where no known format reads it. */
    static String isoDate(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value.trim(), format).toString();
            } catch (DateTimeParseException notThisFormat) {
                // try the next
            }
        }
        return "";
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column)
                ? record.get(column).trim()
                : "";
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter twoDigitYear(String dayAndMonth) {
        return new DateTimeFormatterBuilder()
                .appendPattern(dayAndMonth)
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1900 + PIVOT_YEAR + 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static Path folder(Path datasets) {
        return datasets.resolve("senzing");
    }
}
