package dev.rapport.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a ready {@code rapport.yaml} for generated data: embedded catalog, every generated source. */
public final class DemoConfigWriter {

    private DemoConfigWriter() {}

    /**
     * Writes {@code configFile} with the given {@code sources:} section (paths relative to the
     * config's folder); its tables live in {@code rapport-data/} beside it.
     */
    public static Path write(Path configFile, String sourcesYaml, int parallelism) throws IOException {
        String yaml = "# Written by 'rapport demo' / 'rapport generate'. Edit freely: see docs/configuration.md.\n"
                + "catalog:\n"
                + "  type: jdbc\n"
                + "  uri: \"jdbc:sqlite:rapport-data/catalog.db\"\n"
                + "  warehouse: rapport-data/warehouse\n"
                + "parallelism: " + parallelism + "\n"
                + sourcesYaml.stripTrailing() + "\n"
                + "identity:\n"
                + "  rules: [email, phone, source_customer_ref]\n"
                + "metrics: {}\n"
                + "# The personalization feed (rapport feed): JSON lines beside this file. A destination that must\n"
                + "# not see personal data gets salted hashes instead: drop pii and set RAPPORT_FEED_SALT.\n"
                + "feed:\n"
                + "  destinations:\n"
                + "    - {name: personalization, format: jsonl, path: feed/personalization, pii: true}\n";
        Files.createDirectories(configFile.toAbsolutePath().getParent());
        Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
        return configFile;
    }
}
