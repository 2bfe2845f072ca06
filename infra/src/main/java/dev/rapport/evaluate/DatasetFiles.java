package dev.rapport.evaluate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writing the prepared CSV and config of a data set. */
final class DatasetFiles {

    private DatasetFiles() {}

    static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line(header));
            for (List<String> row : rows) {
                out.write(line(row));
            }
        }
    }

    /** A config with an embedded catalog under {@code workdir} and the given sources section. */
    static Path writeConfig(Path workdir, String sourcesYaml, EvaluationSettings settings) throws IOException {
        String yaml = "catalog:\n"
                + "  type: jdbc\n"
                + "  uri: \"jdbc:sqlite:rapport-data/catalog.db\"\n"
                + "  warehouse: rapport-data/warehouse\n"
                + "parallelism: " + settings.parallelism() + "\n"
                + sourcesYaml
                + settings.identityYaml()
                + "metrics: {}\n";
        Path config = workdir.resolve("rapport.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    private static String line(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i);
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return line.append('\n').toString();
    }
}
