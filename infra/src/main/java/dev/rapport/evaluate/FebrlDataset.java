package dev.rapport.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Febrl synthetic data set (Australian persons). Fields are separated by ", ", so the file is
 * rewritten with trimmed values; a birth date that does not exist (19000231) is left empty rather
 * than quarantining its record, since the resolver is what is measured. Truth: {@code rec-N-org}
 * and {@code rec-N-dup-K} are person N.
 */
public final class FebrlDataset implements EvaluationDataset {

    private static final List<String> HEADER = List.of(
            "rec_id",
            "given_name",
            "surname",
            "street_number",
            "address_1",
            "address_2",
            "suburb",
            "postcode",
            "state",
            "date_of_birth",
            "soc_sec_id");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final String name;
    private final String file;

    public FebrlDataset(String name, String file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean available(Path datasets) {
        return Files.isRegularFile(datasets.resolve("febrl").resolve(file));
    }

    @Override
    public PreparedDataset prepare(Path datasets, Path workdir, EvaluationSettings settings) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(datasets.resolve("febrl").resolve(file), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = new ArrayList<>(
                    Arrays.stream(line.split(",", -1)).map(String::trim).toList());
            while (values.size() < HEADER.size()) {
                values.add("");
            }
            values.set(9, existingDate(values.get(9)));
            rows.add(values.subList(0, HEADER.size()));
            String recId = values.get(0);
            truth.put(PreparedDataset.key(name, recId), recId.split("-")[1]);
        }
        DatasetFiles.writeCsv(workdir.resolve("data.csv"), HEADER, rows);
        String sources = "sources:\n"
                + "  - name: " + name + "\n"
                + "    kind: customer\n"
                + "    format: csv\n"
                + "    path: data.csv\n"
                + "    options: {delimiter: \",\", header: true, default_country: AU}\n"
                + "    mapping:\n"
                + "      source_id: rec_id\n"
                + "      first_name: given_name\n"
                + "      last_name: surname\n"
                + "      street: {join: [street_number, address_1], separator: \" \"}\n"
                + "      address_line2: address_2\n"
                + "      city: suburb\n"
                + "      postcode: postcode\n"
                + "      region: state\n"
                + "      country: {const: AU}\n"
                + "      birth_date: {column: date_of_birth, format: \"yyyyMMdd\"}\n"
                + "      national_id: soc_sec_id\n";
        return new PreparedDataset(name, DatasetFiles.writeConfig(workdir, sources, settings), truth);
    }

    private static String existingDate(String value) {
        try {
            LocalDate.parse(value, DATE);
            return value;
        } catch (DateTimeParseException notADate) {
            return "";
        }
    }
}
