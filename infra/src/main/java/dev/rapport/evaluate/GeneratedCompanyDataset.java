package dev.rapport.evaluate;

import dev.rapport.demo.DemoConfigWriter;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-source company of {@code rapport generate} (CRM, ERP, surveys, support, with
 * households, shared mailboxes and namesakes), with its {@code ground_truth.csv}. Needs no files.
 */
public final class GeneratedCompanyDataset implements EvaluationDataset {

    public static final String NAME = "generated";
    private static final long SEED = 42;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available(Path datasets) {
        return true;
    }

    @Override
    public PreparedDataset prepare(Path datasets, Path workdir, EvaluationSettings settings) throws IOException {
        Path data = workdir.resolve("data");
        new CompanyGenerator(new GeneratorConfig(settings.persons(), SEED, data)).generate(done -> {});
        Path config = DemoConfigWriter.write(
                workdir.resolve("rapport.yaml"), GeneratedSources.sourcesYaml("data"), settings.parallelism());
        if (settings.threshold() != null) {
            String yaml = Files.readString(config, StandardCharsets.UTF_8)
                    .replace("identity:\n", "identity:\n  probabilistic: {threshold: " + settings.threshold() + "}\n");
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
        }
        Map<String, String> truth = new HashMap<>();
        List<String> lines =
                Files.readAllLines(data.resolve(GeneratedSources.GROUND_TRUTH_FILE), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            if (values.length >= 3) {
                truth.put(PreparedDataset.key(values[0], values[1]), values[2]);
            }
        }
        return new PreparedDataset(NAME, config, truth);
    }
}
