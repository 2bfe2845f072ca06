package dev.rapport.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * splink's {@code fake_1000}: first name, surname, date of birth, city, email, with typos and
 * missing values; the {@code cluster} column is the truth. Read as it is (a plain CSV).
 */
public final class FakeThousandDataset implements EvaluationDataset {

    public static final String NAME = "fake_1000";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available(Path datasets) {
        return Files.isRegularFile(file(datasets));
    }

    @Override
    public PreparedDataset prepare(Path datasets, Path workdir, EvaluationSettings settings) throws IOException {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(file(datasets), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int id = header.indexOf("unique_id");
        int cluster = header.indexOf("cluster");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] values = line.split(",", -1);
                truth.put(PreparedDataset.key(NAME, values[id]), values[cluster]);
            }
        }
        Files.copy(file(datasets), workdir.resolve("data.csv"));
        String sources = "sources:\n"
                + "  - name: " + NAME + "\n"
                + "    kind: customer\n"
                + "    format: csv\n"
                + "    path: data.csv\n"
                + "    options: {delimiter: \",\", header: true}\n"
                + "    mapping:\n"
                + "      source_id: unique_id\n"
                + "      first_name: first_name\n"
                + "      last_name: surname\n"
                + "      birth_date: dob\n"
                + "      city: city\n"
                + "      email: email\n";
        return new PreparedDataset(NAME, DatasetFiles.writeConfig(workdir, sources, settings), truth);
    }

    private static Path file(Path datasets) {
        return datasets.resolve("splink").resolve("fake_1000.csv");
    }
}
